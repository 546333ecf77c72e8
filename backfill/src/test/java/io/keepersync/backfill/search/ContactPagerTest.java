package io.keepersync.backfill.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.backfill.BackfillException;
import io.keepersync.backfill.support.NoGhl;
import io.keepersync.backfill.support.SearchableGhl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactPagerTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00.000Z");

    private final SearchableGhl ghl = new SearchableGhl();

    @Test
    void shouldReadEveryContactOnceInTheOrderTheyWereAddedAndEndOnAShortPage() {
        final List<String> ids = ghl.addMany(25, START);

        final List<String> read = readAll(new ContactPager(ghl, "loc", Optional.empty(), 10));

        assertThat(read).containsExactlyElementsOf(ids);
        assertThat(ghl.searches()).isEqualTo(3);
    }

    @Test
    void shouldEndWithAnEmptyPageWhenTheLastPageWasFull() {
        ghl.addMany(20, START);

        final List<String> read = readAll(new ContactPager(ghl, "loc", Optional.empty(), 10));

        assertThat(read).hasSize(20);
        assertThat(ghl.searches()).isEqualTo(3);
    }

    @Test
    void shouldSkipNoContactWhenContactsBeforeThePositionAreDeletedBetweenPages() {
        final List<String> ids = ghl.addMany(30, START);
        final ContactPager pager = new ContactPager(ghl, "loc", Optional.empty(), 10);
        final SearchPage first = pager.next(Optional.empty());

        ids.subList(0, 5).forEach(ghl::remove);
        final List<String> rest = readFrom(pager, first.next());

        assertThat(rest).containsExactlyElementsOf(ids.subList(10, 30));
    }

    @Test
    void shouldReadContactsCreatedDuringTheBackfillAtTheEnd() {
        final List<String> ids = ghl.addMany(15, START);
        final ContactPager pager = new ContactPager(ghl, "loc", Optional.empty(), 10);
        final SearchPage first = pager.next(Optional.empty());

        ghl.add("late", START.plusSeconds(3600), START.plusSeconds(3600));
        final List<String> rest = readFrom(pager, first.next());

        assertThat(rest).containsExactlyElementsOf(concat(ids.subList(10, 15), List.of("late")));
    }

    @Test
    void shouldPageByNumberThroughMoreThanAPageOfContactsAddedInTheSameMillisecond() {
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            final String id = String.format("s%02d", i);
            ghl.add(id, START, START);
            expected.add(id);
        }
        ghl.add("z-after", START.plusSeconds(1), START.plusSeconds(1));
        expected.add("z-after");

        final List<String> read = readAll(new ContactPager(ghl, "loc", Optional.empty(), 10));

        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldOnlyReadContactsUpdatedSinceTheGivenInstant() {
        ghl.add("old", START, START);
        ghl.add("changed", START.plusSeconds(1), START.plusSeconds(7200));
        ghl.add("new", START.plusSeconds(3600), START.plusSeconds(3600));

        final List<String> read = readAll(new ContactPager(ghl, "loc", Optional.of(START.plusSeconds(3600)), 10));

        assertThat(read).containsExactly("changed", "new");
    }

    @Test
    void shouldStopInsteadOfLoopingWhenGhlReturnsTheSamePageTwice() {
        final ContactPager pager = new ContactPager(new IgnoringGhl(10), "loc", Optional.empty(), 10);
        final SearchPage first = pager.next(Optional.empty());

        assertThatThrownBy(() -> pager.next(first.next()))
            .isInstanceOf(BackfillException.class)
            .hasMessageContaining("same page twice");
    }

    @Test
    void shouldTakeAShortPageAsTheLastWhateverTotalSays() {
        final ContactPager pager = new ContactPager(new IgnoringGhl(4), "loc", Optional.empty(), 10);

        final SearchPage page = pager.next(Optional.empty());

        assertThat(page.last()).isTrue();
        assertThat(page.contacts()).hasSize(4);
    }

    @Test
    void shouldReportHowManyContactsGhlSaysAreLeft() {
        ghl.addMany(25, START);
        final ContactPager pager = new ContactPager(ghl, "loc", Optional.empty(), 10);

        final SearchPage first = pager.next(Optional.empty());

        assertThat(first.remaining()).hasValue(15);
    }

    @Test
    void shouldRefuseAnAnswerWithoutContacts() {
        final ContactPager pager = new ContactPager(new IgnoringGhl(0) {
            @Override
            public JsonNode searchContacts(final String locationId, final ObjectNode body) {
                return JsonNodeFactory.instance.objectNode().put("total", 3);
            }
        }, "loc", Optional.empty(), 10);

        assertThatThrownBy(() -> pager.next(Optional.empty())).isInstanceOf(BackfillException.class)
            .hasMessageContaining("without a contacts array");
    }

    private static List<String> readAll(final ContactPager pager) {
        return readFrom(pager, Optional.empty());
    }

    private static List<String> readFrom(final ContactPager pager, final Optional<SearchPosition> start) {
        final List<String> ids = new ArrayList<>();
        Optional<SearchPosition> position = start;
        while (true) {
            final SearchPage page = pager.next(position);
            page.contacts().forEach(contact -> ids.add(contact.path("id").asText()));
            if (page.last()) {
                return ids;
            }
            position = page.next();
        }
    }

    private static List<String> concat(final List<String> first, final List<String> second) {
        final List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A search that ignores filters and page numbers and always answers the same contacts, total 1000. */
    private static class IgnoringGhl extends NoGhl {
        private final int size;

        IgnoringGhl(final int size) {
            this.size = size;
        }

        @Override
        public JsonNode searchContacts(final String locationId, final ObjectNode body) {
            final ObjectNode answer = JsonNodeFactory.instance.objectNode().put("total", 1000);
            final ArrayNode rows = answer.putArray("contacts");
            for (int i = 0; i < size; i++) {
                rows.addObject().put("id", "r" + i).put("dateAdded", START.plusSeconds(i).toString());
            }
            return answer;
        }
    }
}
