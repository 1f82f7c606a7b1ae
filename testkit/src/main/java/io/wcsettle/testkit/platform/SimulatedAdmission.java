package io.wcsettle.testkit.platform;

/**
 * An admission (2401) as the simulated platform recorded it.
 *
 * @param mdtrtId  the platform's visit id
 * @param msgid    msgid of the 2401 that committed it
 * @param iptNo    the HIS's 住院号
 * @param psnNo    person number
 * @param reversed whether a 2601 reversed it
 */
public record SimulatedAdmission(String mdtrtId, String msgid, String iptNo, String psnNo, boolean reversed) {
}
