package org.hrnode.storage.index.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldingRemovesCaseAccentsAndFullWidthButKeepsChinese() {
        assertThat(SearchText.fold("MÜLLER^Jürgen")).isEqualTo("muller^jurgen");
        assertThat(SearchText.fold("ＷＡＮＧ^Xiao")).isEqualTo("wang^xiao");
        assertThat(SearchText.fold("王^小东𠀀")).isEqualTo("王^小东𠀀");
        assertThat(SearchText.fold(null)).isNull();
    }

    @Test
    void wildcardsBecomeLikePatternsWithSqlSpecialsEscaped() {
        assertThat(SearchText.likeFromWildcard("A*B?C")).isEqualTo("A%B_C");
        assertThat(SearchText.likeFromWildcard("50%_off\\*")).isEqualTo("50\\%\\_off\\\\%");
        assertThat(SearchText.likeLiteral("a%b_c\\d*")).isEqualTo("a\\%b\\_c\\\\d*");
    }
}
