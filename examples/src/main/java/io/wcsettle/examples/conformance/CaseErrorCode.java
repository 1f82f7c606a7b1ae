package io.wcsettle.examples.conformance;

import io.wcsettle.core.error.ErrorCode;

/**
 * Why a case could not be judged: the code of an {@code ERROR id: CODE: detail} line of the
 * conformance runner. A case whose input the API refuses is not an error: it is judged against
 * {@code {"error": CODE}}.
 */
enum CaseErrorCode implements ErrorCode {
    /** The file is not a JSON object with string {@code id} and {@code kind} and object {@code input} and {@code expected}. */
    MALFORMED_CASE,
    /** No handler for the case's {@code kind}. */
    UNKNOWN_KIND,
    /** The file could not be read. */
    IO_FAILURE,
    /** The API failed with something other than a coded {@code WcsettleException}: a bug of the SDK. */
    INTERNAL_ERROR;

    @Override
    public String code() {
        return name();
    }
}
