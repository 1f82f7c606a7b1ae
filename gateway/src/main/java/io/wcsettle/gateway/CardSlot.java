package io.wcsettle.gateway;

import java.time.Duration;
import java.util.function.Function;

import io.wcsettle.his.card.ApduChannel;
import io.wcsettle.his.card.PcscReaders;

/**
 * Where {@code POST /card/read} finds the card: a PC/SC reader ({@link #pcsc()}), opened for one read
 * at a time. The session's {@code SocialSecurityCardReader} reads over the channel it gives.
 */
@FunctionalInterface
public interface CardSlot {

    /**
     * Waits up to {@code timeout} for a card in {@code reader} ({@code null}: the first reader) and
     * runs {@code read} over it, exclusively.
     *
     * @throws io.wcsettle.his.card.CardReadException {@code READER_UNAVAILABLE}, {@code NO_CARD},
     *                                                {@code CARD_REMOVED} …
     */
    <T> T withCard(String reader, Duration timeout, Function<ApduChannel, T> read);

    /**
     * The readers of the machine's PC/SC daemon ({@code pcscd}); a card pulled out mid-read is read
     * again once, when it comes back.
     */
    static CardSlot pcsc() {
        return new CardSlot() {
            private PcscReaders readers;

            @Override
            public synchronized <T> T withCard(String reader, Duration timeout, Function<ApduChannel, T> read) {
                if (readers == null) {
                    readers = PcscReaders.open();
                }
                return readers.read(reader, timeout, 1, read::apply);
            }
        };
    }
}
