package vn.haiphong.gddt.reports.files;

import vn.haiphong.gddt.reports.app.StatusDocument;

/** Where status documents are kept for later: one per deadline, never overwritten, and the latest. */
public interface StatusArchive {
    boolean exists(String key);

    /**
     * Writes the document unless one is already kept under the key; false when another document is. The
     * same document found there counts as written: it may be this very write, tried again.
     */
    boolean writeOnce(String key, StatusDocument document);

    void write(String key, StatusDocument document);
}
