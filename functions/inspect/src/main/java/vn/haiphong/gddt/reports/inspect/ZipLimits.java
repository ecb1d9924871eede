package vn.haiphong.gddt.reports.inspect;

/**
 * Bounds on what an Office document (a ZIP) may unpack to, counted on the bytes actually inflated,
 * never on the sizes its headers declare.
 *
 * @param maxUncompressedBytes    total inflated bytes over all entries
 * @param maxRatio                inflated bytes per compressed byte, per entry
 * @param ratioCheckedAboveBytes  the ratio is judged only once an entry has inflated beyond this:
 *                                small XML parts (styles, empty sheets) legitimately compress far
 *                                beyond 100:1, and while an entry is small its ratio endangers
 *                                nothing that the total bound does not already cover
 * @param maxEntries              entries in the archive
 */
public record ZipLimits(long maxUncompressedBytes, long maxRatio, long ratioCheckedAboveBytes, int maxEntries) {

    /** Issue 13, part 3: 200 MB in all, 100:1 per entry (judged beyond 1 MB), 10,000 entries. */
    public static final ZipLimits DEFAULT = new ZipLimits(200L * 1024 * 1024, 100, 1024 * 1024, 10_000);

    public ZipLimits {
        if (maxUncompressedBytes <= 0 || maxRatio <= 0 || ratioCheckedAboveBytes < 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("ZIP limits must be positive: " + maxUncompressedBytes + ", "
                    + maxRatio + ", " + ratioCheckedAboveBytes + ", " + maxEntries);
        }
    }
}
