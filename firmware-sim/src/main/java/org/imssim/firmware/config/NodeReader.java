package org.imssim.firmware.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads top-level {@code nodes:}: numbers 2–32, each once, with their inputs. */
final class NodeReader {

    private final CrossReferences references;
    private final InputReader inputs;

    NodeReader(CrossReferences references, InputReader inputs) {
        this.references = references;
        this.inputs = inputs;
    }

    List<NodeConfig> readAll(MappingCursor root) {
        List<NodeConfig> nodes = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (MappingCursor m : root.mappings("nodes")) {
            Integer number = m.requiredIntegerIn("number", 2, 32);
            if (number != null) {
                if (numbers.add(number)) {
                    references.nodeDeclared(number);
                } else {
                    m.error("number", "is already used by another Node");
                }
            }
            String name = m.text("name");
            List<InputConfig> nodeInputs = inputs.readAll(m, "inputs", false);
            if (number != null) {
                nodes.add(new NodeConfig(number, name, nodeInputs));
            }
        }
        return nodes;
    }
}
