package io.wcsettle.core.clearing;

import java.util.HashMap;
import java.util.Map;

/**
 * The set of record ids seen in one clearing, for duplicate detection, in little memory.
 *
 * <p>Choice (documented for R-CLR-5 duplicate reporting): ids are reduced to 64-bit keys. A
 * numeric id of up to 18 digits without a leading zero is its own key (exact); any other id is hashed to 63 bits with
 * the top bit set, so two different non-numeric ids collide with probability about
 * {@code n² / 2⁶⁴} (≈ 10⁻⁶ for 5 million ids) and would then be reported as a duplicate.
 *
 * <p>Numeric ids, as issued by an agency's sequence, are dense: they are kept in 8 KiB bitmap
 * pages of 65,536 consecutive ids (≈ 1 bit per id, 5 million sequential ids in ≈ 0.6 MiB). A page
 * is only opened while pages stay at least 1/16 full on average (or for the first 16 pages);
 * other keys go to an open-addressing hash set of longs (≈ 16–32 bytes per id). Memory is thus
 * bounded by ≈ 2 bytes per dense id plus ≈ 32 bytes per sparse or non-numeric id.
 */
final class RecordIdSet {

    private static final int PAGE_SHIFT = 16;
    private static final int PAGE_LONGS = (1 << PAGE_SHIFT) / 64;
    private static final int FREE_PAGES = 16;
    private static final int IDS_PER_PAGE_MIN = 4096;

    private final Map<Long, long[]> pages = new HashMap<>();
    private long lastPageNo = -1;
    private long[] lastPage;
    private long idsInPages;
    private final LongHashSet sparse = new LongHashSet();

    /** Adds a numeric id (0 ≤ id < 10¹⁸); {@code false} when it was present. */
    boolean addNumeric(long id) {
        long pageNo = id >>> PAGE_SHIFT;
        long[] page = pageNo == lastPageNo ? lastPage : pages.get(pageNo);
        if (page == null && (pages.size() < FREE_PAGES || pages.size() * (long) IDS_PER_PAGE_MIN <= idsInPages)) {
            if (sparse.size() > 0 && sparse.contains(id)) {
                return false;
            }
            page = new long[PAGE_LONGS];
            pages.put(pageNo, page);
        }
        if (page == null) {
            return sparse.add(id);
        }
        lastPageNo = pageNo;
        lastPage = page;
        int bit = (int) (id & ((1 << PAGE_SHIFT) - 1));
        long mask = 1L << bit;
        long word = page[bit >>> 6];
        if ((word & mask) != 0 || (sparse.size() > 0 && sparse.contains(id))) {
            return false;
        }
        page[bit >>> 6] = word | mask;
        idsInPages++;
        return true;
    }

    /** Adds a hashed non-numeric id; {@code false} when it was present. */
    boolean addHashed(long hash) {
        return sparse.add(hash | Long.MIN_VALUE);
    }

    /** Open-addressing hash set of longs, linear probing, load ≤ 1/2. */
    static final class LongHashSet {
        private long[] slots = new long[1024];
        private boolean hasZero;
        private int size;

        int size() {
            return size;
        }

        boolean contains(long key) {
            if (key == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                long s = slots[i];
                if (s == key) {
                    return true;
                }
                if (s == 0) {
                    return false;
                }
            }
        }

        boolean add(long key) {
            if (key == 0) {
                if (hasZero) {
                    return false;
                }
                hasZero = true;
                size++;
                return true;
            }
            int mask = slots.length - 1;
            int i = mix(key) & mask;
            for (; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == key) {
                    return false;
                }
            }
            slots[i] = key;
            if (++size * 2 > slots.length) {
                grow();
            }
            return true;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long k : old) {
                if (k != 0) {
                    int i = mix(k) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = k;
                }
            }
        }

        private static int mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            return (int) k;
        }
    }
}
