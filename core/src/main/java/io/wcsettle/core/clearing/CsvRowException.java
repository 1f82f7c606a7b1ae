package io.wcsettle.core.clearing;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;

/**
 * A clearing CSV row refused in {@link OnMalformed#STOP} mode; names file, line and field.
 */
public final class CsvRowException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient CsvRowProblem problem;

    CsvRowException(CsvRowProblem problem) {
        super(CoreErrorCode.valueOf(problem.code()), problem.field(), problem.toString());
        this.problem = problem;
    }

    /** The problem: file, line, field and code. */
    public CsvRowProblem problem() {
        return problem;
    }
}
