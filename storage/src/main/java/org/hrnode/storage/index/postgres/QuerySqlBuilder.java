package org.hrnode.storage.index.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.PersonName;
import org.hrnode.dicom.data.Tags;
import org.hrnode.storage.index.query.InvalidQueryException;
import org.hrnode.storage.index.query.Matcher;
import org.hrnode.storage.index.query.Matchers;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * Turns a {@link Query} into one parameterised SELECT. No value from the query is ever spliced into the SQL text;
 * wild cards become {@code LIKE} patterns with {@code %}, {@code _} and {@code \} escaped.
 *
 * <p>Person names match case-insensitively on the alphabetic group (through the folded {@code _search} column) and
 * literally on the ideographic and phonetic groups: a value without '=' matches if any group matches it, so
 * {@code 王*} and {@code *小东} find {@code Wang^XiaoDong=王^小东} and {@code wang^xiaodong} finds it too; a value with
 * '=' matches group by group ({@code =王*} only in the ideographic group). Without wild cards, a name matches whole,
 * trailing empty components ignored.
 *
 * <p>Modalities in Study matches a study if any of its series has a matching modality. Counts are return keys only.
 * Matching keys the index does not hold, or that belong below the query level, are ignored (they come back as empty
 * return keys) and listed in {@link SqlQuery#ignoredMatchingKeys()}.
 */
final class QuerySqlBuilder {

    /**
     * The statement, its parameters in order, the columns selected (result column i+1 is selected.get(i)), and
     * whether the instance's stored DICOM JSON follows them as one more column (IMAGE level, when a return key is
     * not among the columns: {@link MatchMapper} fills it from there).
     */
    record SqlQuery(String sql, List<Object> parameters, List<QueryColumn> selected,
                    List<Integer> ignoredMatchingKeys, boolean metadataSelected) {
    }

    private static final Map<QueryLevel, String> FROM = Map.of(
            QueryLevel.PATIENT, "patients p",
            QueryLevel.STUDY, "studies st JOIN patients p ON p.pk = st.patient_fk",
            QueryLevel.SERIES, "series se JOIN studies st ON st.pk = se.study_fk JOIN patients p ON p.pk = st.patient_fk",
            QueryLevel.IMAGE, "instances i JOIN series se ON se.pk = i.series_fk"
                    + " JOIN studies st ON st.pk = se.study_fk JOIN patients p ON p.pk = st.patient_fk");
    private static final Map<QueryLevel, String> ORDER = Map.of(
            QueryLevel.PATIENT, "p.pk", QueryLevel.STUDY, "st.pk", QueryLevel.SERIES, "se.pk", QueryLevel.IMAGE, "i.pk");
    private static final String LIKE = " LIKE ? ESCAPE '\\'";

    private final Query query;
    private final List<Object> parameters = new ArrayList<>();

    private QuerySqlBuilder(Query query) {
        this.query = query;
    }

    /** The SELECT for {@code query}, returning at most {@code rows} rows from its offset. */
    static SqlQuery build(Query query, int rows) {
        return new QuerySqlBuilder(query).build(rows);
    }

    private SqlQuery build(int rows) {
        QueryLevel level = query.level();
        Map<Integer, QueryColumn> selected = new LinkedHashMap<>();
        for (int tag : QueryColumn.identifyingKeys(level, query.model())) {
            selected.put(tag, QueryColumn.of(tag));
        }
        for (int tag : query.returnKeys()) {
            QueryColumn column = QueryColumn.usableAt(tag, level);
            if (column != null) {
                selected.putIfAbsent(tag, column);
            }
        }
        List<String> conditions = new ArrayList<>();
        List<Integer> ignored = new ArrayList<>();
        for (Query.KeyMatch match : query.matches()) {
            QueryColumn column = QueryColumn.usableAt(match.tag(), level);
            if (column == null || column.kind() == QueryColumn.Kind.COUNT) {
                ignored.add(match.tag());
            } else {
                conditions.add(condition(column, match.matcher()));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        List<QueryColumn> columns = List.copyOf(selected.values());
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).selectExpression());
        }
        boolean metadata = level == QueryLevel.IMAGE && query.returnKeys().stream()
                .anyMatch(tag -> !selected.containsKey(tag) && !MatchMapper.QUERY_DESCRIPTION.contains(tag));
        if (metadata) {
            sql.append(", i.metadata");
        }
        sql.append(" FROM ").append(FROM.get(level));
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(ORDER.get(level)).append(" LIMIT ? OFFSET ?");
        parameters.add(rows);
        parameters.add(query.offset());
        return new SqlQuery(sql.toString(), List.copyOf(parameters), columns, List.copyOf(ignored), metadata);
    }

    private String condition(QueryColumn column, Matcher matcher) {
        String expr = column.expression();
        return switch (column.kind()) {
            case TEXT, UID -> textCondition(column, expr, matcher);
            case MODALITIES -> "EXISTS (SELECT 1 FROM series m WHERE m.study_fk = st.pk AND "
                    + textCondition(column, "m.modality", matcher) + ")";
            case INTEGER -> integerCondition(column, expr, matcher);
            case PERSON_NAME -> personNameCondition(column, expr, matcher);
            case DATE -> matcher instanceof Matcher.DateRange r ? range(expr, r.from(), r.to())
                    : unsupported(column, matcher);
            case TIME -> matcher instanceof Matcher.TimeRange r ? range(expr, r.from(), r.to())
                    : unsupported(column, matcher);
            case DATE_TIME -> matcher instanceof Matcher.DateTimeRange r ? range(expr, r.from(), r.to())
                    : unsupported(column, matcher);
            case UID_SET -> switch (matcher) {
                case Matcher.Single single -> param("? = ANY(" + expr + ")", single.value());
                case Matcher.AnyOf list -> param(expr + " && ?", list.values().toArray(String[]::new));
                default -> unsupported(column, matcher);
            };
            case COUNT -> throw new IllegalStateException("counts are not matched");
        };
    }

    private String textCondition(QueryColumn column, String expr, Matcher matcher) {
        return switch (matcher) {
            case Matcher.Single s -> param(expr + " = ?", s.value());
            case Matcher.Wildcard w when column.kind() != QueryColumn.Kind.UID ->
                    param(expr + LIKE, SearchText.likeFromWildcard(w.pattern()));
            case Matcher.AnyOf list -> param(expr + " = ANY(?)", list.values().toArray(String[]::new));
            default -> unsupported(column, matcher);
        };
    }

    private String integerCondition(QueryColumn column, String expr, Matcher matcher) {
        return switch (matcher) {
            case Matcher.Single s -> param(expr + " = ?", parseInteger(column, s.value()));
            case Matcher.AnyOf list -> param(expr + " = ANY(?)",
                    list.values().stream().map(v -> parseInteger(column, v)).toArray(Integer[]::new));
            default -> unsupported(column, matcher);
        };
    }

    private String personNameCondition(QueryColumn column, String base, Matcher matcher) {
        if (query.fuzzyPersonNames()) {
            return switch (matcher) {
                case Matcher.Single s -> fuzzyPersonName(base, s.value(), false);
                case Matcher.Wildcard w -> fuzzyPersonName(base, w.pattern(), true);
                case Matcher.AnyOf list -> "(" + String.join(" OR ", list.values().stream()
                        .map(v -> fuzzyPersonName(base, v, false)).toList()) + ")";
                default -> unsupported(column, matcher);
            };
        }
        return switch (matcher) {
            case Matcher.Single s -> personName(base, s.value(), false);
            case Matcher.Wildcard w -> personName(base, w.pattern(), true);
            case Matcher.AnyOf list -> {
                List<String> any = new ArrayList<>();
                for (String value : list.values()) {
                    any.add(personName(base, value, false));
                }
                yield "(" + String.join(" OR ", any) + ")";
            }
            default -> unsupported(column, matcher);
        };
    }

    private String personName(String base, String value, boolean wildcard) {
        if (value.indexOf(PersonName.GROUP_DELIMITER) < 0) {
            String alphabetic = wildcard ? value : PersonName.parse(value).alphabetic();
            return "(" + param(base + "_search" + LIKE, pattern(SearchText.fold(alphabetic), wildcard))
                    + " OR " + param(base + "_ideographic" + LIKE, pattern(alphabetic, wildcard))
                    + " OR " + param(base + "_phonetic" + LIKE, pattern(alphabetic, wildcard)) + ")";
        }
        String[] groups = value.split(String.valueOf(PersonName.GROUP_DELIMITER), -1);
        PersonName parsed = PersonName.parse(value);
        String[] exact = {parsed.alphabetic(), parsed.ideographic(), parsed.phonetic()};
        String[] suffixes = {"_search", "_ideographic", "_phonetic"};
        List<String> all = new ArrayList<>();
        for (int g = 0; g < Math.min(groups.length, suffixes.length); g++) {
            String group = wildcard ? groups[g] : exact[g];
            if (!group.isEmpty() && !group.equals("*")) {
                String text = g == 0 ? SearchText.fold(group) : group;
                all.add(param(base + suffixes[g] + LIKE, pattern(text, wildcard)));
            }
        }
        return all.isEmpty() ? "TRUE" : "(" + String.join(" AND ", all) + ")";
    }

    /**
     * Fuzzy matching against the {@code _fuzzy} terms (see {@link SearchText#fuzzyTerms}): every group of the value
     * must match some term; without wild cards by array containment, which the GIN index answers.
     */
    private String fuzzyPersonName(String base, String value, boolean wildcard) {
        List<String> all = new ArrayList<>();
        for (String group : value.split(String.valueOf(PersonName.GROUP_DELIMITER), -1)) {
            String term = SearchText.compact(SearchText.fold(group));
            if (term.isEmpty() || term.chars().allMatch(c -> c == '*')) {
                continue;
            }
            if (wildcard && Matchers.hasWildcard(term)) {
                all.add(param("EXISTS (SELECT 1 FROM unnest(" + base + "_fuzzy) t WHERE t" + LIKE + ")",
                        SearchText.likeFromWildcard(term)));
            } else {
                all.add(param(base + "_fuzzy @> ?", new String[] {term}));
            }
        }
        return all.isEmpty() ? "TRUE" : "(" + String.join(" AND ", all) + ")";
    }

    private static String pattern(String text, boolean wildcard) {
        return wildcard ? SearchText.likeFromWildcard(text) : SearchText.likeLiteral(text);
    }

    private <T> String range(String expr, T from, T to) {
        if (from != null && to != null) {
            return param(param(expr + " BETWEEN ? AND ?", from), to);
        }
        return from != null ? param(expr + " >= ?", from) : param(expr + " <= ?", to);
    }

    /** Records a parameter and returns the SQL fragment unchanged, so fragments read left to right. */
    private String param(String sql, Object value) {
        parameters.add(value);
        return sql;
    }

    private static Integer parseInteger(QueryColumn column, String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(Tags.toString(column.tag()) + " = '" + value
                    + "': not an integer", e);
        }
    }

    private static String unsupported(QueryColumn column, Matcher matcher) {
        throw new InvalidQueryException(Tags.toString(column.tag()) + " cannot be matched by "
                + matcher.getClass().getSimpleName() + " (" + matcher + ")");
    }
}
