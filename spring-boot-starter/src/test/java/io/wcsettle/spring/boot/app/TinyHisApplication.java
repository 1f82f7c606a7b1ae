package io.wcsettle.spring.boot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest HIS a vendor writes: no wiring of its own, only wcsettle.* properties (and spring.datasource.*). */
@SpringBootApplication
public class TinyHisApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(TinyHisApplication.class, args);
    }
}
