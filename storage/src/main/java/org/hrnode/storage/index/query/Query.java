package org.hrnode.storage.index.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.dict.Tag;

/**
 * A query against the index, independent of how it arrived (C-FIND identifier, QIDO-RS URL): the level to return
 * matches at, the matching keys, the return keys, and a page ({@code offset}, {@code limit}).
 *
 * <p>Return keys are attribute tags in the order given; each match carries every return key, empty when the index has
 * no value for it. Matching keys are return keys too. The index adds the identifying keys of the level (see
 * {@link InformationModel}) whether asked or not.
 *
 * <p>Sequence attributes are return keys only: sequence matching is not supported, a sequence in an identifier comes
 * back empty. Immutable.
 */
public final class Query {

    /** A matching key: the attribute and how it matches. */
    public record KeyMatch(int tag, Matcher matcher) {
        public KeyMatch {
            Objects.requireNonNull(matcher, "matcher");
        }
    }

    /** Elements of an identifier that describe the query itself rather than the entities sought. */
    private static final Set<Integer> NOT_KEYS = Set.of(Tag.SpecificCharacterSet, Tag.QueryRetrieveLevel);
    private static final int COMMAND_GROUP = 0x0000;
    private static final int FILE_META_GROUP = 0x0002;

    private final QueryLevel level;
    private final InformationModel model;
    private final List<KeyMatch> matches;
    private final List<Integer> returnKeys;
    private final Map<Integer, VR> returnKeyVrs;
    private final int offset;
    private final int limit;
    private final boolean fuzzyPersonNames;

    private Query(Builder b) {
        this.level = b.level;
        this.model = b.model;
        this.matches = List.copyOf(b.matches.values());
        this.returnKeys = List.copyOf(b.returnKeys.keySet());
        this.returnKeyVrs = Map.copyOf(b.returnKeys);
        this.offset = b.offset;
        this.limit = b.limit;
        this.fuzzyPersonNames = b.fuzzyPersonNames;
    }

    /** A Study Root query from a C-FIND identifier; see {@link #fromIdentifier(Dataset, QueryLevel, InformationModel)}. */
    public static Query fromIdentifier(Dataset identifier, QueryLevel level) {
        return fromIdentifier(identifier, level, InformationModel.STUDY_ROOT);
    }

    /**
     * The query a C-FIND identifier asks: every attribute present is a return key, every one with a value a matching
     * key (parsed by its VR, see {@link Matchers}). Specific Character Set and Query/Retrieve Level are not keys;
     * text is read through the identifier's character set.
     *
     * @throws InvalidQueryException if a matching key's value cannot be matched as given
     */
    public static Query fromIdentifier(Dataset identifier, QueryLevel level, InformationModel model) {
        Builder builder = builder(level).model(model);
        for (int i = 0; i < identifier.size(); i++) {
            int tag = identifier.tagAt(i);
            int group = Tags.group(tag);
            if (NOT_KEYS.contains(tag) || group == COMMAND_GROUP || group == FILE_META_GROUP
                    || Tags.isGroupLength(tag)) {
                continue;
            }
            VR vr = identifier.vrAt(i);
            builder.returnKey(tag, vr);
            if (vr != VR.SQ && identifier.hasValue(tag)) {
                Matchers.parse(tag, vr, identifier.getStrings(tag)).ifPresent(m -> builder.match(tag, m));
            }
        }
        return builder.build();
    }

    public static Builder builder(QueryLevel level) {
        return new Builder(level);
    }

    public QueryLevel level() {
        return level;
    }

    public InformationModel model() {
        return model;
    }

    public List<KeyMatch> matches() {
        return matches;
    }

    /** Return keys in the order given (matching keys included). */
    public List<Integer> returnKeys() {
        return returnKeys;
    }

    /** The VR a return key was given with (the dictionary's when it was added by tag alone). */
    public VR returnKeyVr(int tag) {
        VR vr = returnKeyVrs.get(tag);
        return vr != null ? vr : ElementDictionary.vrOf(tag);
    }

    /** Matches to skip. */
    public int offset() {
        return offset;
    }

    /** Matches to return at most; 0 for "as many as the index allows". */
    public int limit() {
        return limit;
    }

    /**
     * Whether person names match fuzzily (QIDO-RS {@code fuzzymatching=true}): the value, without component
     * delimiters and spaces, case- and accent-insensitively against a whole component group or any one component of
     * any group, so {@code 王小东}, {@code 小东} and {@code wang xiaodong} all find {@code Wang^XiaoDong=王^小东}.
     */
    public boolean fuzzyPersonNames() {
        return fuzzyPersonNames;
    }

    @Override
    public String toString() {
        return "Query[" + level + ", " + model + ", " + matches.size() + " matching keys, " + returnKeys.size()
                + " return keys, offset " + offset + ", limit " + limit + (fuzzyPersonNames ? ", fuzzy" : "") + "]";
    }

    /** Assembles a query; {@link #match(int, String...)} parses values by the dictionary VR of the tag. */
    public static final class Builder {
        private final QueryLevel level;
        private InformationModel model = InformationModel.STUDY_ROOT;
        private final Map<Integer, KeyMatch> matches = new LinkedHashMap<>();
        private final Map<Integer, VR> returnKeys = new LinkedHashMap<>();
        private int offset;
        private int limit;
        private boolean fuzzyPersonNames;

        private Builder(QueryLevel level) {
            this.level = Objects.requireNonNull(level, "level");
        }

        public Builder model(InformationModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Matches {@code tag} against DICOM-syntax values ("王*", "20240101-", "1.2\3.4"); also a return key. */
        public Builder match(int tag, String... values) {
            VR vr = ElementDictionary.vrOf(tag);
            returnKey(tag, vr);
            Matchers.parse(tag, vr, values).ifPresent(m -> match(tag, m));
            return this;
        }

        /** Matches {@code tag} with {@code matcher}, replacing any earlier matcher for it; also a return key. */
        public Builder match(int tag, Matcher matcher) {
            returnKey(tag, ElementDictionary.vrOf(tag));
            matches.put(tag, new KeyMatch(tag, matcher));
            return this;
        }

        public Builder returnKeys(int... tags) {
            for (int tag : tags) {
                returnKey(tag, ElementDictionary.vrOf(tag));
            }
            return this;
        }

        private Builder returnKey(int tag, VR vr) {
            returnKeys.putIfAbsent(tag, vr);
            return this;
        }

        public Builder offset(int offset) {
            if (offset < 0) {
                throw new InvalidQueryException("offset must not be negative, got " + offset);
            }
            this.offset = offset;
            return this;
        }

        /** At most {@code limit} matches; 0 for the index's upper bound. */
        public Builder limit(int limit) {
            if (limit < 0) {
                throw new InvalidQueryException("limit must not be negative, got " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** See {@link Query#fuzzyPersonNames()}. */
        public Builder fuzzyPersonNames(boolean fuzzy) {
            this.fuzzyPersonNames = fuzzy;
            return this;
        }

        public Query build() {
            return new Query(this);
        }
    }
}
