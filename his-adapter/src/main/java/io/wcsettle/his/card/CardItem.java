package io.wcsettle.his.card;

/**
 * The data items of the social security application (PROTOCOL.md, card table): which EF holds
 * each, its tag (the TLV tag and the record identifier), its length on the card and the field name
 * errors use. Record numbers start at 1 in each EF.
 */
enum CardItem {
    IDENTIFICATION_CODE(Apdus.EF05, 0x01, 16, "identificationCode"),
    CARD_TYPE(Apdus.EF05, 0x02, 1, "cardType"),
    SPEC_VERSION(Apdus.EF05, 0x03, 4, "specVersion"),
    INITIALISING_INSTITUTION(Apdus.EF05, 0x04, 12, "initialisingInstitution"),
    ISSUE_DATE(Apdus.EF05, 0x05, 4, "issueDate"),
    EXPIRY_DATE(Apdus.EF05, 0x06, 4, "expiryDate"),
    CARD_NUMBER(Apdus.EF05, 0x07, 9, "cardNumber"),
    SOCIAL_SECURITY_NUMBER(Apdus.EF06, 0x08, 18, "socialSecurityNumber"),
    NAME(Apdus.EF06, 0x09, 30, "name"),
    SEX(Apdus.EF06, 0x0A, 1, "sex"),
    ETHNICITY(Apdus.EF06, 0x0B, 1, "ethnicity"),
    BIRTHPLACE(Apdus.EF06, 0x0C, 3, "birthplace"),
    BIRTH_DATE(Apdus.EF06, 0x0D, 4, "birthDate");

    private final int ef;
    private final int tag;
    private final int length;
    private final String field;

    CardItem(int ef, int tag, int length, String field) {
        this.ef = ef;
        this.tag = tag;
        this.length = length;
        this.field = field;
    }

    int ef() {
        return ef;
    }

    int tag() {
        return tag;
    }

    /** The item's length on the card (the value, without the TLV header). */
    int length() {
        return length;
    }

    /** The record number within its EF: EF05 01–07 are records 1–7, EF06 08–0D records 1–6. */
    int recordNumber() {
        return ef == Apdus.EF05 ? tag : tag - 0x07;
    }

    String field() {
        return field;
    }
}
