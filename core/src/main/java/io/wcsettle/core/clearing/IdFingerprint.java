package io.wcsettle.core.clearing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 64-bit fingerprint of a record id's bytes. Duplicate detection uses fingerprints only to find
 * candidates; two ids are declared equal only after their bytes were compared, so a collision
 * costs time (a re-read of both rows), never a wrong answer. Package-private so that tests can
 * inject a function that collides on purpose.
 */
@FunctionalInterface
interface IdFingerprint {

    /** The fingerprint of {@code b[from, to)}. */
    long of(byte[] b, int from, int to);

    /** The production function: 8 bytes at a time (one multiplication each), then the MurmurHash3 finaliser. */
    IdFingerprint DEFAULT = Words::hash;

    /** The default function's implementation. */
    final class Words {
        private static final VarHandle LONGS =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final long P1 = 0x9E3779B97F4A7C15L;
        private static final long P2 = 0xC2B2AE3D27D4EB4FL;

        private Words() {
        }

        static long hash(byte[] b, int from, int to) {
            int len = to - from;
            long h = P1 * (len + 1);
            if (len >= 8) {
                int i = from;
                for (; i + 8 < to; i += 8) {
                    h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * P2, 29);
                }
                h = Long.rotateLeft((h ^ (long) LONGS.get(b, to - 8)) * P2, 29);
            } else if (len > 0) {
                long w;
                if (from + 8 <= b.length) {
                    w = (long) LONGS.get(b, from) & (-1L >>> (64 - 8 * len));
                } else {
                    w = 0;
                    for (int k = len - 1; k >= 0; k--) {
                        w = (w << 8) | (b[from + k] & 0xFF);
                    }
                }
                h = Long.rotateLeft((h ^ w) * P2, 29);
            }
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            h ^= h >>> 33;
            return h;
        }
    }
}
