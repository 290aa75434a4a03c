package io.usher.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteTest {
  @Test
  void parametersAreBoundByNameInAnyOrderAndEncodedAsOneSegment() {
    Route.Compiled compiled = Routes.GET_STATE.compile(
        "stateKey", "@a b/c:x", "roomId", "!room:localhost", "type", "m.room.member");
    assertThat(compiled.path()).isEqualTo(
        "/_matrix/client/v3/rooms/%21room%3Alocalhost/state/m.room.member/%40a%20b%2Fc%3Ax");
    assertThat(compiled.route()).isSameAs(Routes.GET_STATE);
  }

  @Test
  void aMissingParameterIsNamedWithTheTemplate() {
    assertThatThrownBy(() -> Routes.GET_STATE.compile("roomId", "!r:x", "type", "m.room.name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/rooms/{roomId}/state/{type}/{stateKey}")
        .hasMessageContaining("missing parameters [stateKey]");
  }

  @Test
  void anUnknownDuplicateOrNullParameterIsRefused() {
    assertThatThrownBy(() -> Routes.INVITE.compile("roomId", "!r:x", "userId", "@u:x"))
        .hasMessageContaining("parameter userId is not in the template");
    assertThatThrownBy(() -> Routes.INVITE.compile("roomId", "!r:x", "roomId", "!s:x"))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> Routes.INVITE.compile("roomId", null))
        .hasMessageContaining("is null");
    assertThatThrownBy(() -> Routes.INVITE.compile("roomId"))
        .hasMessageContaining("name, value pairs");
  }

  @Test
  void aRouteWithoutParametersTakesNone() {
    assertThat(Routes.WHOAMI.compile().path()).isEqualTo("/_matrix/client/v3/account/whoami");
    assertThat(Routes.SEND.parameters()).containsExactly("roomId", "type", "txnId");
  }

  @Test
  void errorCodesAreConstantsWithPredicates() {
    MatrixException inUse = new MatrixException("POST /createRoom", 400, "M_ROOM_IN_USE",
        "Room alias already taken", null);
    assertThat(inUse.is(ErrorCode.M_ROOM_IN_USE)).isTrue();
    assertThat(inUse.isNotFound()).isFalse();
    MatrixException gone = new MatrixException("GET /x", 404, "M_NOT_FOUND", "", null);
    assertThat(gone.isNotFound()).isTrue();
    MatrixException odd = new MatrixException("GET /x", 400, "M_SOMETHING_NEW", "", null);
    assertThat(odd.code()).isEqualTo(ErrorCode.UNRECOGNISED);
    assertThat(odd.errcode()).isEqualTo("M_SOMETHING_NEW");
    assertThat(new MatrixException("GET /x", MatrixException.NO_RESPONSE,
        ErrorCode.USHER_NO_RESPONSE, "timeout", null).isNoResponse()).isTrue();
  }
}
