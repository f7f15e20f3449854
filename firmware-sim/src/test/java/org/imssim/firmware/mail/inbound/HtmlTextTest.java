package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void blockElementsAndBreaksEndLines() {
        String html = "<html><head><title>t</title><style>p{}</style></head><body>"
                + "<div>username: alice</div><p>email:   alice@example.com</p>command: status<br>"
                + "<ul><li>one</li><li>two</li></ul><h2>Head</h2><table><tr><td>a:</td><td>b</td></tr>"
                + "<tr><td>c</td></tr></table><script>var x = 1;</script>end</body></html>";
        assertThat(HtmlText.toPlainText(html)).isEqualTo(
                "username: alice\nemail: alice@example.com\ncommand: status\none\ntwo\nHead\na: b\nc\nend");
    }

    @Test
    void inlineElementsAndWhitespaceCollapseAsABrowserShowsThem() {
        assertThat(HtmlText.toPlainText("<div>  <b>user</b><i>name</i>:\n\n   <span>alice</span>  </div>"))
                .isEqualTo("username: alice");
    }

    @Test
    void emptyParagraphsAndBreaksKeepBlankLines() {
        assertThat(HtmlText.toPlainText("<div>a</div><div><br></div><div>b</div>")).isEqualTo("a\n\nb");
    }

    @Test
    void entitiesAreDecodedAndNbspIsKept() {
        assertThat(HtmlText.toPlainText("username:&nbsp;bob &amp; co &lt;x&gt;"))
                .isEqualTo("username:\u00a0bob & co <x>");
    }

    @Test
    void blockquoteContentBecomesQuotedLinesOnePerLevel() {
        String html = "<p>mine</p><blockquote><div>theirs<br>two</div><blockquote>deeper</blockquote>"
                + "after</blockquote><p>mine again</p>";
        assertThat(HtmlText.toPlainText(html))
                .isEqualTo("mine\n> theirs\n> two\n> > deeper\n> after\nmine again");
    }

    @Test
    void preKeepsItsLines() {
        assertThat(HtmlText.toPlainText("<pre>a   b\nc</pre>d")).isEqualTo("a   b\nc\nd");
    }

    @Test
    void nothingGivesNothing() {
        assertThat(HtmlText.toPlainText(null)).isEmpty();
        assertThat(HtmlText.toPlainText("")).isEmpty();
        assertThat(HtmlText.toPlainText("<html><body></body></html>")).isEmpty();
    }

    @Test
    void deepNestingAndBrokenMarkupDoNotFail() {
        String deep = "<div>".repeat(20_000) + "username: x" + "<blockquote>".repeat(5_000);
        assertThat(HtmlText.toPlainText(deep)).startsWith("username: x");
        assertThat(HtmlText.toPlainText("<p>a<b>b<i>c</p>d</b>e<<>>&#xZZ;")).contains("a", "b", "c");
    }
}
