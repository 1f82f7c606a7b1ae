package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RecordIdSetTest {

    @Provide
    Arbitrary<List<Long>> ids() {
        Arbitrary<Long> dense = Arbitraries.longs().between(0, 300_000);
        Arbitrary<Long> sparse = Arbitraries.longs().between(0, 999_999_999_999_999_999L);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, dense), net.jqwik.api.Tuple.of(1, sparse))
                .list().ofMaxSize(3000);
    }

    @Property(tries = 200)
    @Label("R-CLR-5: duplicate record ids are detected exactly like a HashSet, bitmap pages or not")
    void behavesLikeASet(@ForAll("ids") List<Long> ids) {
        RecordIdSet set = new RecordIdSet();
        Set<Long> model = new HashSet<>();
        for (long id : ids) {
            assertEquals(model.add(id), set.addNumeric(id), "id " + id);
        }
    }
}
