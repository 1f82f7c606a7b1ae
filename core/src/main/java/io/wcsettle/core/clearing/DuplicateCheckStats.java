package io.wcsettle.core.clearing;

/**
 * How the duplicate check of one read went, for operators and benchmarks.
 *
 * @param exactIds         rows whose numeric id was checked against the dense bitmap (exact at once)
 * @param fingerprintedIds rows whose id was fingerprinted and checked at the end of the read
 * @param rowsReread       rows re-read from the input because their fingerprints matched another
 *                         row's: every real duplicate, its original, and fingerprint coincidences
 * @param peakMemoryBytes  most heap held by duplicate detection at any time (bitmap pages,
 *                         fingerprint blocks, sort buffers, line index, date counters)
 * @param spilledBytes     bytes written to temporary files (0 when everything fitted in memory)
 */
public record DuplicateCheckStats(long exactIds, long fingerprintedIds, long rowsReread, long peakMemoryBytes,
        long spilledBytes) {
}
