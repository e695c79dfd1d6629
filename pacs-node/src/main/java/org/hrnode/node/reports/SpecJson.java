package org.hrnode.node.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of the spec's records: an object whose members carry the spec's field names (values as strings or
 * numbers), e.g. an {@code exammaster} record with its {@code exam_subitem} array.
 */
public final class SpecJson {

    private SpecJson() {
    }

    /** The scalar members of {@code object} as a record; nested members are left to the caller. */
    public static SpecRecord record(String name, JsonNode object) {
        if (object == null || !object.isObject()) {
            throw new InvalidField(name, "must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue().asText());
            }
        });
        return new SpecRecord(name, fields);
    }

    /** The objects of array member {@code member} of {@code object} as records; empty when absent. */
    public static List<SpecRecord> records(JsonNode object, String member) {
        JsonNode array = object.get(member);
        List<SpecRecord> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new InvalidField(member, "must be a JSON array");
        }
        for (JsonNode n : array) {
            out.add(record(member + "[" + (out.size() + 1) + "]", n));
        }
        return out;
    }

    /** A JSON body that is one record or an array of records. */
    public static List<JsonNode> oneOrMany(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(out::add);
        } else if (body != null) {
            out.add(body);
        }
        return out;
    }
}
