package org.hrnode.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.hrnode.aiqc.pipeline.Grade;
import org.hrnode.aiqc.pipeline.NonRecognitionReason;

/**
 * A reviewer's decision as the console posts it: {@code {"action":"confirm"}} keeps the AI verdict;
 * {@code {"action":"overrule","grade":"丙","hrEligible":false,"reasonCode":6,"comment":"…","reexamine":true}}
 * replaces it. A verdict "not eligible" needs a code of the Xinjiang non-recognition dictionary (1-10), except that a
 * confirmation takes the AI's own code when it gave one.
 *
 * @param grade      null for a confirmation
 * @param hrEligible null for a confirmation
 */
record DecisionRequest(String action, Grade grade, Boolean hrEligible, Integer reasonCode, String comment,
                       boolean reexamine) {

    static final int MAX_COMMENT = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses the body; IllegalArgumentException says what is wrong, for a 400. */
    static DecisionRequest parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with at least \"action\"");
        }
        String action = text(root, "action");
        if (action == null) {
            throw new IllegalArgumentException("\"action\" is missing: confirm or overrule");
        }
        if (!action.equals("confirm") && !action.equals("overrule")) {
            throw new IllegalArgumentException("\"action\" must be confirm or overrule, not " + action);
        }
        Integer reasonCode = null;
        if (root.hasNonNull("reasonCode")) {
            JsonNode code = root.get("reasonCode");
            if (!code.canConvertToInt() || !code.isIntegralNumber()) {
                throw new IllegalArgumentException("\"reasonCode\" must be a number 1-10");
            }
            reasonCode = code.intValue();
            int c = reasonCode;
            if (Arrays.stream(NonRecognitionReason.values()).noneMatch(r -> r.code() == c)) {
                throw new IllegalArgumentException("\"reasonCode\" " + c
                        + " is not in the non-recognition dictionary (1-10)");
            }
        }
        String comment = text(root, "comment");
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("\"comment\" is longer than " + MAX_COMMENT + " characters");
        }
        boolean reexamine = root.path("reexamine").asBoolean(false);
        if (action.equals("confirm")) {
            return new DecisionRequest(action, null, null, reasonCode, comment, reexamine);
        }
        String gradeText = text(root, "grade");
        if (gradeText == null) {
            throw new IllegalArgumentException("an overrule needs \"grade\": 甲, 乙, 丙 or 废");
        }
        Grade grade = Grade.parse(gradeText);
        JsonNode eligible = root.get("hrEligible");
        if (eligible == null || !eligible.isBoolean()) {
            throw new IllegalArgumentException("an overrule needs \"hrEligible\": true or false");
        }
        if (!eligible.booleanValue() && reasonCode == null) {
            throw new IllegalArgumentException("a study judged not eligible needs \"reasonCode\" (1-10)");
        }
        return new DecisionRequest(action, grade, eligible.booleanValue(), eligible.booleanValue() ? null : reasonCode,
                comment, reexamine);
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be text");
        }
        return v.asText().isBlank() ? null : v.asText().strip();
    }
}
