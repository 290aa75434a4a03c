package io.usher.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncFilterTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aStateFilterAsksForStateOnlyAndItsRoomAccountData() throws Exception {
    JsonNode filter = json.readTree(SyncFilter.state(List.of("m.room.name"))
        .withRoomAccountData(List.of("io.usher.record")).json());
    assertThat(filter.at("/room/state/types/0").asText()).isEqualTo("m.room.name");
    assertThat(filter.at("/room/state/lazy_load_members").asBoolean(true)).isFalse();
    assertThat(filter.at("/room/timeline/limit").asInt(-1)).isZero();
    assertThat(filter.at("/room/account_data/types/0").asText()).isEqualTo("io.usher.record");
    assertThat(filter.at("/room/rooms").isMissingNode()).isTrue();
    assertThat(filter.at("/presence/not_types/0").asText()).isEqualTo("*");
  }

  @Test
  void aRoomIdIsEscapedNotSpliced() throws Exception {
    String odd = "!a\"b\\c:localhost";
    JsonNode filter = json.readTree(SyncFilter.timeline(List.of("m.room.message"), 50)
        .inRooms(List.of(odd)).json());
    assertThat(filter.at("/room/rooms/0").asText()).isEqualTo(odd);
    assertThat(filter.at("/room/timeline/limit").asInt()).isEqualTo(50);
    assertThat(filter.at("/room/state/not_types/0").asText()).isEqualTo("*");
  }

  @Test
  void eachFilterHasItsOwnNonceAndKeepsIt() {
    SyncFilter one = SyncFilter.state(List.of("m.room.member"));
    assertThat(one.json()).isEqualTo(one.json());
    assertThat(one.nonce()).isNotEqualTo(SyncFilter.state(List.of("m.room.member")).nonce());
  }
}
