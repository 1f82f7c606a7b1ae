package io.wcsettle.his.session;

import io.wcsettle.core.error.Inputs;
import io.wcsettle.his.card.ElectronicCardToken;
import io.wcsettle.his.card.SocialSecurityCard;

/**
 * The worker's credential for a visit (R-SET-11; 就诊凭证, 表 295): the social security card read
 * from a reader, the electronic social security card's QR token, or the resident ID. The profile
 * gives each kind's {@code mdtrt_cert_type} code. The records show the kind only in {@code toString()}.
 */
public sealed interface Credential {

    /** The profile value key of this kind's {@code mdtrt_cert_type} ({@code mdtrt_cert_type.card} …). */
    String certTypeKey();

    /** {@code mdtrt_cert_no}: card number, QR token or ID number. */
    String certNo();

    /** {@code card_sn}: the card identification code (required for a card), {@code ""} otherwise. */
    String cardSn();

    /** {@code certno}: the person's ID number. */
    String idNumber();

    /** {@code psn_name}. */
    String name();

    /** A social security card read through PC/SC. */
    static Credential card(SocialSecurityCard card) {
        return new Card(card);
    }

    /**
     * An electronic social security card: the scanned QR token, with the ID number and name the
     * interface requires beside it (1101 表 5: {@code certno}, {@code psn_name} are required).
     */
    static Credential electronicCard(ElectronicCardToken token, String idNumber, String name) {
        return new ElectronicCard(token, idNumber, name);
    }

    /** The resident ID card. */
    static Credential idCard(String idNumber, String name) {
        return new IdCard(idNumber, name);
    }

    /** A social security card. */
    record Card(SocialSecurityCard card) implements Credential {
        /** Rejects null: {@code INVALID_INPUT} naming the field. */
        public Card {
            Inputs.required(card, "card");
        }

        @Override
        public String certTypeKey() {
            return "mdtrt_cert_type.card";
        }

        @Override
        public String certNo() {
            return card.cardNumber();
        }

        @Override
        public String cardSn() {
            return card.identificationCode();
        }

        @Override
        public String idNumber() {
            return card.socialSecurityNumber();
        }

        @Override
        public String name() {
            return card.name();
        }

        @Override
        public String toString() {
            return "Credential[card]";
        }
    }

    /** An electronic social security card. */
    record ElectronicCard(ElectronicCardToken token, String idNumber, String name) implements Credential {
        /** Rejects nulls: {@code INVALID_INPUT} naming the field. */
        public ElectronicCard {
            Inputs.required(token, "token");
            Inputs.required(idNumber, "idNumber");
            Inputs.required(name, "name");
        }

        @Override
        public String certTypeKey() {
            return "mdtrt_cert_type.ecard";
        }

        @Override
        public String certNo() {
            return token.value();
        }

        @Override
        public String cardSn() {
            return "";
        }

        @Override
        public String toString() {
            return "Credential[electronic card]";
        }
    }

    /** A resident ID card. */
    record IdCard(String idNumber, String name) implements Credential {
        /** Rejects nulls: {@code INVALID_INPUT} naming the field. */
        public IdCard {
            Inputs.required(idNumber, "idNumber");
            Inputs.required(name, "name");
        }

        @Override
        public String certTypeKey() {
            return "mdtrt_cert_type.id";
        }

        @Override
        public String certNo() {
            return idNumber;
        }

        @Override
        public String cardSn() {
            return "";
        }

        @Override
        public String toString() {
            return "Credential[id card]";
        }
    }
}
