package io.wcsettle.his.session;

import io.wcsettle.core.error.Inputs;

/**
 * The 9001 sign-in input (表 218 {@code signIn}): operator number, MAC and IP address of the
 * workstation. The session signs in before the first step, and again when the platform says the
 * {@code sign_no} is no longer valid.
 *
 * @param operatorNo {@code opter_no}, at most 20
 * @param mac        {@code mac}, at most 20
 * @param ip         {@code ip}, at most 20
 */
public record SignIn(String operatorNo, String mac, String ip) {

    /** Rejects nulls: {@code INVALID_INPUT} naming the field. */
    public SignIn {
        Inputs.required(operatorNo, "operatorNo");
        Inputs.required(mac, "mac");
        Inputs.required(ip, "ip");
    }
}
