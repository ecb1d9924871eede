package vn.haiphong.gddt.reports.files;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.haiphong.gddt.reports.app.StatusDocument;

/** Kept status documents in a map; checked against S3Proxy by {@code StatusArchiveContractTest}. */
public final class InMemoryStatusArchive implements StatusArchive {
    private final Map<String, StatusDocument> documents = new TreeMap<>();

    @Override
    public synchronized boolean exists(String key) {
        return documents.containsKey(key);
    }

    @Override
    public synchronized boolean writeOnce(String key, StatusDocument document) {
        StatusDocument kept = documents.putIfAbsent(key, document);
        return kept == null || kept.equals(document);
    }

    @Override
    public synchronized void write(String key, StatusDocument document) {
        documents.put(key, document);
    }

    public synchronized Optional<StatusDocument> read(String key) {
        return Optional.ofNullable(documents.get(key));
    }

    public synchronized java.util.Set<String> keys() {
        return java.util.Set.copyOf(documents.keySet());
    }
}
