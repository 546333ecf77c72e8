package io.keepersync.sink.store;

import static io.keepersync.sink.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepersync.schemas.EnrichedContact;
import io.keepersync.sink.TestContacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeeperStoreTest {

    private static final TopicPartition P0 = new TopicPartition("enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("enriched", 1);

    @TempDir
    Path dir;

    private KeeperStore store;

    @BeforeEach
    void openStore() {
        store = KeeperStore.open(dir.resolve("store"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void shouldReturnTheLatestStateOfAnUpsertedContact() {
        final EnrichedContact first = contact("c1", "locA");
        final EnrichedContact second = TestContacts.builder("c1", "locA").setFirstName("Changed").build();

        store.apply(List.of(ContactChange.upsert(first)), Map.of(P0, 1L));
        store.apply(List.of(ContactChange.upsert(second)), Map.of(P0, 2L));

        assertThat(store.get("c1")).contains(second);
        assertThat(store.get("missing")).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void shouldMoveTheIndexEntryWhenTheLocationChanges() {
        store.apply(List.of(ContactChange.upsert(contact("c1", "locA"))), Map.of());

        store.apply(List.of(ContactChange.upsert(contact("c1", "locB"))), Map.of());

        assertThat(ids(store.page("locA", null, 10))).isEmpty();
        assertThat(ids(store.page("locB", null, 10))).containsExactly("c1");
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void shouldRemoveTheContactAndItsIndexEntryOnATombstone() {
        store.apply(List.of(ContactChange.upsert(contact("c1", "locA")), ContactChange.upsert(contact("c2", "locA"))),
            Map.of());

        store.apply(List.of(ContactChange.delete("c1"), ContactChange.delete("never-stored")), Map.of(P0, 3L));

        assertThat(store.get("c1")).isEmpty();
        assertThat(ids(store.page("locA", null, 10))).containsExactly("c2");
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void shouldKeepOnlyTheLastChangePerContactWithinABatch() {
        final List<ContactChange> batch = List.of(
            ContactChange.upsert(contact("c1", "locA")),
            ContactChange.upsert(contact("c1", "locB")),
            ContactChange.upsert(contact("c2", "locA")),
            ContactChange.delete("c2"));

        store.apply(batch, Map.of());

        assertThat(store.get("c1")).map(EnrichedContact::getLocationId).contains("locB");
        assertThat(store.get("c2")).isEmpty();
        assertThat(ids(store.page("locA", null, 10))).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void shouldPageThroughALocationInIdOrder() {
        store.apply(List.of(
            ContactChange.upsert(contact("c3", "locA")),
            ContactChange.upsert(contact("c1", "locA")),
            ContactChange.upsert(contact("c2", "locA")),
            ContactChange.upsert(contact("c0", "locAB")),
            ContactChange.upsert(contact("c9", "other"))), Map.of());

        final ContactPage first = store.page("locA", null, 2);
        final ContactPage second = store.page("locA", first.lastContactId(), 2);

        assertThat(ids(first)).containsExactly("c1", "c2");
        assertThat(first.hasMore()).isTrue();
        assertThat(ids(second)).containsExactly("c3");
        assertThat(second.hasMore()).isFalse();
        assertThat(store.page("locA", "c3", 2).contacts()).isEmpty();
        assertThat(store.page("nowhere", null, 2).lastContactId()).isNull();
    }

    @Test
    void shouldStoreOffsetsWithTheBatchAndKeepEverythingAcrossAReopen() {
        store.apply(List.of(ContactChange.upsert(contact("c1", "locA"))), Map.of(P0, 5L, P1, 0L));
        store.apply(List.of(ContactChange.upsert(contact("c2", "locA"))), Map.of(P0, 7L));

        store.close();
        store = KeeperStore.open(dir.resolve("store"));

        assertThat(store.storedOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 7L, P1, 0L));
        assertThat(ids(store.page("locA", null, 10))).containsExactly("c1", "c2");
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void shouldWriteNothingWhenAnyPartOfABatchFails() {
        final EnrichedContact unwritable = contact("c2", "locA");
        unwritable.setTags(null);
        final List<ContactChange> batch = List.of(ContactChange.upsert(contact("c1", "locA")),
            ContactChange.upsert(unwritable));

        assertThatThrownBy(() -> store.apply(batch, Map.of(P0, 9L))).isInstanceOf(RuntimeException.class);

        assertThat(store.get("c1")).isEmpty();
        assertThat(store.page("locA", null, 10).contacts()).isEmpty();
        assertThat(store.storedOffsets()).isEmpty();
        assertThat(store.count()).isZero();
    }

    @Test
    void shouldRefuseCallsOnceClosed() {
        store.close();

        assertThatThrownBy(() -> store.get("c1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.apply(List.of(), Map.of(P0, 1L))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectAChangeWhoseContactHasAnotherId() {
        final EnrichedContact contact = contact("c1", "locA");

        assertThatThrownBy(() -> new ContactChange("c2", contact)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ids(final ContactPage page) {
        return page.contacts().stream().map(EnrichedContact::getId).toList();
    }
}
