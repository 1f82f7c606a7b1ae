package com.example.his;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

import io.wcsettle.his.session.HisSession;

/**
 * The Spring Boot consumer of the README: the starter builds the {@link HisSession} from
 * {@code wcsettle.*} properties; {@code .ci/consumer-check} compiles this project offline against
 * the installed SDK and checks that no version range is resolved.
 */
@SpringBootApplication
public class HisSettlementApplication {

    public static void main(String[] args) {
        SpringApplication.run(HisSettlementApplication.class, args);
    }

    /** Where the HIS's discharge desk would call the session (one workstation's, calls serialised). */
    @Service
    static class DischargeDesk {
        private final HisSession session;

        DischargeDesk(HisSession session) {
            this.session = session;
        }

        synchronized boolean knows(String visitId) {
            return session.visit(visitId).isPresent();
        }
    }
}
