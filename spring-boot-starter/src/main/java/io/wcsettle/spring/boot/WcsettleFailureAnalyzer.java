package io.wcsettle.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link WcsettlePropertyException} anywhere in a start-up failure into Spring Boot's
 * "APPLICATION FAILED TO START" report naming the property, instead of a bean-creation stack.
 */
public class WcsettleFailureAnalyzer extends AbstractFailureAnalyzer<WcsettlePropertyException> {

    /** Registered in {@code META-INF/spring.factories}. */
    public WcsettleFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WcsettlePropertyException cause) {
        return new FailureAnalysis("The wcsettle starter cannot use property '" + cause.field() + "': "
                + cause.getMessage(),
                "Set '" + cause.field() + "' (see docs/spring-boot.md for every wcsettle.* property).", cause);
    }
}
