package io.wcsettle.his.platform.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One transaction of a profile: its wire code, input and output tables, the file tables of a
 * file-based transaction (3202) and how an unknown outcome is resolved.
 *
 * @param infno           the wire code
 * @param transaction     the logical transaction
 * @param title           the published title (入院办理 …)
 * @param onUnknown       how an unknown outcome is resolved (R-UPL-4)
 * @param reversible      whether 2601 can reverse it (the template's list)
 * @param input           the input nodes
 * @param output          the output nodes; empty where the table says 无
 * @param inputFile       the rows of an uploaded file (3202 表 134), or {@code null}
 * @param outputFile      the rows of a downloaded file (3202 表 135), or {@code null}
 */
public record TransactionSpec(String infno, Transaction transaction, String title, UnknownOutcome onUnknown,
                              boolean reversible, List<NodeSpec> input, List<NodeSpec> output,
                              NodeSpec inputFile, NodeSpec outputFile) {

    /** Copies the node lists. */
    public TransactionSpec {
        Objects.requireNonNull(infno, "infno");
        Objects.requireNonNull(transaction, "transaction");
        input = List.copyOf(input);
        output = List.copyOf(output);
    }

    /** The input node with logical {@code key}. */
    public Optional<NodeSpec> inputNode(String key) {
        return input.stream().filter(n -> n.key().equals(key)).findFirst();
    }

    /** The output node with logical {@code key}. */
    public Optional<NodeSpec> outputNode(String key) {
        return output.stream().filter(n -> n.key().equals(key)).findFirst();
    }

    /** Whether the published output is 无 (2302, 2402, 2601): {@code infcode 0} alone is the answer. */
    public boolean hasNoOutput() {
        return output.isEmpty();
    }
}
