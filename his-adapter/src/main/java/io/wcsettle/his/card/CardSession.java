package io.wcsettle.his.card;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addressing of one read: which SELECT P1 ({@code 02} or {@code 00}), which READ RECORD style
 * (record number within the EF, or record identifier = the tag) and which Le form (item length + 2,
 * or {@code 00}) the card accepts. It starts with the first of each, falls back to the other when
 * the card refuses the form ({@code 6A86}, {@code 6B00}, {@code 6A81}, {@code 6A83} for the style,
 * {@code 6700} for Le), and keeps what worked for the rest of the read.
 */
final class CardSession {

    private static final Logger LOG = LoggerFactory.getLogger(CardSession.class);

    /** READ RECORD addressing. */
    enum Addressing {
        /** {@code 00 B2 n 04}: record number n within the current EF, from 1. */
        BY_NUMBER,
        /** {@code 00 B2 tag 00}: record identifier. */
        BY_IDENTIFIER;

        Addressing other() {
            return this == BY_NUMBER ? BY_IDENTIFIER : BY_NUMBER;
        }
    }

    /** READ RECORD Le. */
    enum LeForm {
        /** Le = item length + 2 (the TLV header comes back in front of the value). */
        ITEM_LENGTH,
        /** Le = {@code 00} (up to 256 bytes). */
        ZERO;

        LeForm other() {
            return this == ITEM_LENGTH ? ZERO : ITEM_LENGTH;
        }
    }

    /**
     * What the card answered to a READ RECORD: the item's value (TLV header checked and removed),
     * or the status word of a refusal the reader must handle ({@code 6982} and every other error).
     */
    record ItemAnswer(byte[] value, int sw) {
        boolean ok() {
            return value != null;
        }
    }

    private final Exchange exchange;
    private int selectP1 = 0x02;
    private Addressing addressing = Addressing.BY_NUMBER;
    private LeForm leForm = LeForm.ITEM_LENGTH;

    CardSession(Exchange exchange) {
        this.exchange = exchange;
    }

    Exchange exchange() {
        return exchange;
    }

    Addressing addressing() {
        return addressing;
    }

    LeForm leForm() {
        return leForm;
    }

    /**
     * Selects the social security application; {@code 9000}, or {@code 61xx} (also when the
     * GET RESPONSE that follows fails), is success.
     *
     * @throws CardReadException {@code NOT_A_SOCIAL_SECURITY_CARD} for {@code 6A82}, the status
     *         word's own code otherwise
     */
    void selectApplication() {
        Exchange.Response r = exchange.send(Apdus.selectApplication());
        if (r.sw() == 0x9000 || (r.firstSw() >>> 8) == 0x61) {
            return;
        }
        if (r.sw() == 0x6A82) {
            throw new CardReadException(CardErrorCode.NOT_A_SOCIAL_SECURITY_CARD, "application",
                    "no social security application (6A82)", r.sw());
        }
        throw Exchange.failure(r.sw(), "application");
    }

    /**
     * Selects {@code fid} with P1 {@code 02}, falling back to {@code 00}.
     *
     * @throws CardReadException the code of the most telling status word
     */
    void selectEf(int fid, String step) {
        int telling = -1;
        for (int p1 : new int[] {selectP1, selectP1 == 0x02 ? 0x00 : 0x02}) {
            Exchange.Response r = exchange.send(Apdus.selectEf(p1, fid));
            if (r.sw() == 0x9000 || (r.firstSw() >>> 8) == 0x61) {
                if (p1 != selectP1) {
                    LOG.debug("card selects EF by P1 {}", String.format("%02X", p1));
                }
                selectP1 = p1;
                return;
            }
            if (!isFormRefusal(r.sw()) && r.sw() != 0x6A82) {
                throw Exchange.failure(r.sw(), step);
            }
            if (telling < 0 || rank(r.sw()) > rank(telling)) {
                telling = r.sw();
            }
        }
        throw Exchange.failure(telling, step);
    }

    /** Reads {@code item} of the current EF, trying the other style and Le form where the card refuses one. */
    ItemAnswer read(CardItem item) {
        int telling = -1;
        for (Addressing a : new Addressing[] {addressing, addressing.other()}) {
            for (LeForm le : new LeForm[] {leForm, leForm.other()}) {
                Exchange.Response r = exchange.send(command(item, a, le));
                int sw = r.sw();
                if (sw == 0x9000 || sw == 0x6282) {
                    if (a != addressing || le != leForm) {
                        LOG.debug("card reads records {} with Le {}", a, le);
                    }
                    addressing = a;
                    leForm = le;
                    return new ItemAnswer(Tlv.value(r.data(), item.tag(), item.field()), sw);
                }
                if (telling < 0 || rank(sw) > rank(telling)) {
                    telling = sw;
                }
                if (sw == 0x6700) {
                    continue;
                }
                if (isFormRefusal(sw) || sw == 0x6A83) {
                    break;
                }
                return new ItemAnswer(null, sw);
            }
        }
        return new ItemAnswer(null, telling);
    }

    private static byte[] command(CardItem item, Addressing a, LeForm le) {
        int p1 = a == Addressing.BY_NUMBER ? item.recordNumber() : item.tag();
        int p2 = a == Addressing.BY_NUMBER ? Apdus.P2_RECORD_NUMBER : Apdus.P2_RECORD_IDENTIFIER;
        return Apdus.readRecord(p1, p2, le == LeForm.ITEM_LENGTH ? item.length() + 2 : 0x00);
    }

    /** Which refusal says most when every form failed: not found, then P1-P2, then length. */
    private static int rank(int sw) {
        if (sw == 0x6A83 || sw == 0x6A82) {
            return 3;
        }
        return isFormRefusal(sw) ? 2 : 1;
    }

    /** The card does not take this form of the command (P1-P2 or function refused). */
    private static boolean isFormRefusal(int sw) {
        return sw == 0x6A86 || sw == 0x6B00 || sw == 0x6A81;
    }
}
