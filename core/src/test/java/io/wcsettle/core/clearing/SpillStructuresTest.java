package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/** The hand-written spill structures behave like their in-memory models, whatever the budget. */
class SpillStructuresTest {

    private Path dir;
    private TempStorage temp;
    private MemoryMeter meter;

    @BeforeProperty
    void open() throws IOException {
        dir = Files.createTempDirectory("wcsettle-spill-test");
        meter = new MemoryMeter();
        temp = new TempStorage(dir, TempStorage.REAL, 4096, meter);
    }

    @AfterProperty
    void close() throws IOException {
        temp.close();
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "temporary files deleted");
        }
        Files.delete(dir);
    }

    @Provide
    Arbitrary<List<byte[]>> records() {
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        Arbitrary<byte[]> prefixed = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(b -> {
            byte[] r = new byte[b.length + 8];
            System.arraycopy(b, 0, r, 8, b.length);
            return r; // equal 8-byte prefixes: the comparison beyond the prefix matters
        });
        Arbitrary<byte[]> big = Arbitraries.bytes().array(byte[].class).ofMinSize(5_000).ofMaxSize(9_000);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, small), net.jqwik.api.Tuple.of(10, prefixed),
                net.jqwik.api.Tuple.of(1, big)).list().ofMaxSize(1200);
    }

    @Property(tries = 40)
    @Label("External sort: records come out in unsigned lexicographic order, every one exactly once, spilled or not")
    void externalSortSorts(@ForAll("records") List<byte[]> records,
            @ForAll @LongRange(min = 1 << 12, max = 1 << 20) long memory) {
        ExternalSorter sorter = new ExternalSorter(memory, temp, meter);
        for (byte[] r : records) {
            sorter.add(r, 0, r.length);
        }
        List<byte[]> want = new ArrayList<>(records);
        want.sort(Arrays::compareUnsigned);
        ExternalSorter.Cursor c = sorter.sorted();
        for (byte[] w : want) {
            assertTrue(c.next());
            assertArrayEquals(w, Arrays.copyOfRange(c.bytes(), c.offset(), c.offset() + c.length()));
        }
        assertEquals(false, c.next());
        sorter.close();
    }

    @Property(tries = 60)
    @Label("Partitions: each partition yields its longs in the order added, across spills and merged spills, also after the earlier ones were released")
    void partitionsKeepOrder(@ForAll("values") List<Long> values, @ForAll @IntRange(min = 1, max = 9) int bits,
            @ForAll @LongRange(min = 1 << 10, max = 1 << 18) long memory) {
        int parts = 1 << bits;
        LongPartitions lp = new LongPartitions(parts, memory, temp, meter);
        List<List<Long>> model = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            model.add(new ArrayList<>());
        }
        for (long v : values) {
            int p = (int) ((v * 0x9E3779B97F4A7C15L) >>> (64 - bits));
            lp.add(p, v);
            model.get(p).add(v);
        }
        assertEquals(values.size(), lp.size());
        for (int p = 0; p < parts; p++) {
            List<Long> got = new ArrayList<>();
            lp.forEach(p, got::add);
            assertEquals(model.get(p), got, "partition " + p);
            assertEquals(model.get(p).size(), lp.count(p));
            // freeing a partition read for the last time leaves the later ones whole
            lp.release(p);
        }
        lp.close();
    }

    @Provide
    Arbitrary<List<Long>> values() {
        return Arbitraries.longs().list().ofMaxSize(40_000);
    }

    @Property(tries = 200)
    @Label("R-CLR-5: the dense bitmap is an exact set inside its window and refuses what is outside")
    void denseWindowIsASet(@ForAll("ids") List<Long> ids, @ForAll @IntRange(min = 1, max = 8) int pages) {
        DenseIdWindow w = new DenseIdWindow(pages * DenseIdWindow.PAGE_BYTES, meter);
        Set<Long> model = new HashSet<>();
        long base = -1;
        for (long id : ids) {
            int r = w.add(id);
            if (base < 0) {
                base = Math.max(0, (id >>> 16) - pages / 2) << 16;
            }
            boolean inside = id >= base && id < base + ((long) pages << 16);
            if (!inside) {
                assertEquals(DenseIdWindow.OUTSIDE, r, "id " + id);
            } else {
                assertEquals(model.add(id) ? DenseIdWindow.NEW : DenseIdWindow.SEEN, r, "id " + id);
            }
        }
    }

    @Property(tries = 300)
    @Label("R-CLR-5: an id the dense window excludes from its digits alone is never inside it (no id is lost from the bitmap's check)")
    void excludedIdsAreOutside(@ForAll("placedIds") List<Long> ids, @ForAll @IntRange(min = 1, max = 700) int pages) {
        DenseIdWindow w = new DenseIdWindow(pages * DenseIdWindow.PAGE_BYTES, meter);
        w.covers(ids.get(0));
        for (long id : ids) {
            byte[] digits = Long.toString(id).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (w.excludes(digits, 0, digits.length)) {
                assertEquals(false, w.covers(id), "excluded but inside: " + id);
            }
        }
    }

    /** Ids around the first one (the window's place), at its edges, and anywhere among 18 digits. */
    @Provide
    Arbitrary<List<Long>> placedIds() {
        return Arbitraries.longs().between(0, 999_999_999_999_999_999L).flatMap(first -> {
            Arbitrary<Long> near = Arbitraries.longs().between(Math.max(0, first - 50_000_000), first + 50_000_000);
            Arbitrary<Long> anywhere = Arbitraries.longs().between(0, 999_999_999_999_999_999L);
            Arbitrary<Long> sameDigits = Arbitraries.longs().between(1, 9).flatMap(d -> Arbitraries.longs()
                    .between(0, 99_999_999).map(rest -> Long.parseLong(Long.toString(first).substring(0,
                            Math.min(Long.toString(first).length(), d.intValue())) + rest) % 1_000_000_000_000_000_000L));
            return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, near), net.jqwik.api.Tuple.of(2, anywhere),
                    net.jqwik.api.Tuple.of(3, sameDigits)).list().ofMinSize(1).ofMaxSize(300)
                    .map(rest -> { List<Long> all = new ArrayList<>(); all.add(first); all.addAll(rest); return all; });
        });
    }

    @Provide
    Arbitrary<List<Long>> ids() {
        Arbitrary<Long> near = Arbitraries.longs().between(0, 600_000);
        Arbitrary<Long> far = Arbitraries.longs().between(0, 999_999_999_999_999_999L);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, near), net.jqwik.api.Tuple.of(1, far)).list()
                .ofMaxSize(2000);
    }

    @Property(tries = 100)
    @Label("R-MON-1: adding records and taking some out again never overflows spuriously; a real overflow is AMOUNT_OVERFLOW")
    void accumulatorCarries(@ForAll("amounts") List<Long> amounts, @ForAll("picks") List<Boolean> takeOut) {
        ClearingTotals.Accumulator acc = new ClearingTotals.Accumulator(true);
        java.math.BigInteger fund = java.math.BigInteger.ZERO;
        long count = 0;
        for (long a : amounts) {
            acc.add(1511, a, a / 2);
            acc.addDetail(1511, "H", a, a / 2);
        }
        for (int k = 0; k < amounts.size(); k++) {
            if (k < takeOut.size() && takeOut.get(k)) {
                acc.subtract(1511, amounts.get(k), amounts.get(k) / 2);
                acc.subtractDetail(1511, "H", amounts.get(k), amounts.get(k) / 2);
            } else {
                fund = fund.add(java.math.BigInteger.valueOf(amounts.get(k)));
                count++;
            }
        }
        if (fund.bitLength() < 64) {
            ClearingTotals t = acc.toTotals();
            assertEquals(count == 0 ? List.of() : List.of(fund.longValueExact()),
                    t.pairs().stream().map(p -> p.fundPaid().value()).toList());
        } else {
            io.wcsettle.core.error.WcsettleException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.wcsettle.core.error.WcsettleException.class, acc::toTotals);
            assertEquals("AMOUNT_OVERFLOW", e.code());
        }
    }

    @Provide
    Arbitrary<List<Long>> amounts() {
        return Arbitraries.longs().between(0, 9_999_999_999_999_999L).list().ofMaxSize(3000);
    }

    @Provide
    Arbitrary<List<Boolean>> picks() {
        return Arbitraries.of(true, false).list().ofMaxSize(3000);
    }
}
