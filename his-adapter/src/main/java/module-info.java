/**
 * What a HIS embeds on top of {@code io.wcsettle.core}: card reading ({@code card}), signed
 * messaging with the platform over the published interface ({@code platform},
 * {@code platform.profile}), the durable outbox ({@code outbox}), the discharge workflow
 * ({@code session}) and daily reconciliation ({@code reconciliation}). Test doubles are not here:
 * they ship in {@code wcsettle-testkit}.
 */
module io.wcsettle.his {
    requires transitive io.wcsettle.core;
    requires transitive com.fasterxml.jackson.databind;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.slf4j;
    requires transitive java.net.http;
    requires transitive java.sql;
    requires transitive java.smartcardio;

    exports io.wcsettle.his.card;
    exports io.wcsettle.his.outbox;
    exports io.wcsettle.his.platform;
    exports io.wcsettle.his.platform.profile;
    exports io.wcsettle.his.reconciliation;
    exports io.wcsettle.his.session;

    opens io.wcsettle.his.platform.profile;
    opens io.wcsettle.his.outbox;
}
