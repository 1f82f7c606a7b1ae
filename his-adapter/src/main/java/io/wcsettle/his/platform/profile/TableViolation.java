package io.wcsettle.his.platform.profile;

/**
 * One way a message breaks its interface table.
 *
 * @param path    where: {@code node.field}, {@code node[3].field}, or the node alone
 * @param problem what, in words (never the value: it may be personal data)
 */
public record TableViolation(String path, String problem) {

    @Override
    public String toString() {
        return path + ": " + problem;
    }
}
