package vn.haiphong.gddt.reports.files;

import vn.haiphong.gddt.reports.app.StatusDocument;

/** Where status documents are kept for later: one per deadline, never overwritten, and the latest. */
public interface StatusArchive {
    boolean exists(String key);

    /** Writes the document unless something is already there; false when it was. */
    boolean writeOnce(String key, StatusDocument document);

    void write(String key, StatusDocument document);
}
