package io.usher.matrix;

/** The endpoints Usher uses. Sections: https://spec.matrix.org/latest/client-server-api/ */
final class Routes {
  private static final String V3 = "/_matrix/client/v3";

  /** #get_matrixclientv3accountwhoami */
  static final Route WHOAMI = new Route("GET", V3 + "/account/whoami", "whoami");
  static final Route REGISTER = new Route("POST", V3 + "/register", "register");
  /** #get_matrixclientv3capabilities */
  static final Route JOINED_ROOMS = new Route("GET", V3 + "/joined_rooms", "joinedRooms");
  static final Route CAPABILITIES = new Route("GET", V3 + "/capabilities", "capabilities");
  /** #post_matrixclientv3createroom */
  static final Route CREATE_ROOM = new Route("POST", V3 + "/createRoom", "createRoom");
  /** #get_matrixclientv3roomsroomidstateeventtypestatekey */
  static final Route GET_STATE =
      new Route("GET", V3 + "/rooms/{roomId}/state/{type}/{stateKey}", "getState");
  /** #put_matrixclientv3roomsroomidstateeventtypestatekey */
  static final Route PUT_STATE =
      new Route("PUT", V3 + "/rooms/{roomId}/state/{type}/{stateKey}", "putState");
  /** #post_matrixclientv3roomsroomidinvite */
  static final Route INVITE = new Route("POST", V3 + "/rooms/{roomId}/invite", "invite");
  /** #put_matrixclientv3roomsroomidsendeventtypetxnid */
  static final Route SEND =
      new Route("PUT", V3 + "/rooms/{roomId}/send/{type}/{txnId}", "send");
  /** #get_matrixclientv3sync */
  static final Route SYNC = new Route("GET", V3 + "/sync", "sync");
  /** #get_matrixclientv3directoryroomroomalias */
  static final Route RESOLVE_ALIAS =
      new Route("GET", V3 + "/directory/room/{alias}", "resolveAlias");
  /** #put_matrixclientv3directoryroomroomalias */
  static final Route PUT_ALIAS =
      new Route("PUT", V3 + "/directory/room/{alias}", "putAlias");
  /** #delete_matrixclientv3directoryroomroomalias */
  static final Route DELETE_ALIAS =
      new Route("DELETE", V3 + "/directory/room/{alias}", "deleteAlias");
  /** #get_matrixclientv3directorylistroomroomid */
  static final Route DIRECTORY_VISIBILITY =
      new Route("GET", V3 + "/directory/list/room/{roomId}", "directoryVisibility");

  /** #get_matrixclientv3roomsroomidstate */
  static final Route ROOM_STATE = new Route("GET", V3 + "/rooms/{roomId}/state", "roomState");
  /** #post_matrixclientv3joinroomidoralias */
  static final Route JOIN = new Route("POST", V3 + "/join/{roomIdOrAlias}", "join");
  /** #post_matrixclientv3roomsroomidleave */
  static final Route LEAVE = new Route("POST", V3 + "/rooms/{roomId}/leave", "leave");
  /** #put_matrixclientv3useruseridroomsroomidaccount_datatype */
  static final Route PUT_ROOM_ACCOUNT_DATA = new Route("PUT",
      V3 + "/user/{userId}/rooms/{roomId}/account_data/{type}", "putRoomAccountData");
  /** #get_matrixclientv3roomsroomidmessages */
  static final Route MESSAGES = new Route("GET", V3 + "/rooms/{roomId}/messages", "messages");

  /** #post_matrixclientv3useruseridopenidrequest_token */
  static final Route OPENID_TOKEN = new Route("POST",
      V3 + "/user/{userId}/openid/request_token", "openIdToken");
  /** #post_matrixclientv3useruseridfilter */
  static final Route UPLOAD_FILTER =
      new Route("POST", V3 + "/user/{userId}/filter", "uploadFilter");
  /** #get_matrixclientv3roomsroomidmembers */
  static final Route MEMBERS = new Route("GET", V3 + "/rooms/{roomId}/members", "members");

  private static final String ADMIN = "/_synapse/admin";
  /** Synapse admin API: list accounts (admin_api/user_admin_api.html#list-accounts-v2). */
  static final Route ADMIN_USERS = new Route("GET", ADMIN + "/v2/users", "adminListUsers");
  /** rooms.html#room-details-api */
  static final Route ADMIN_ROOM = new Route("GET", ADMIN + "/v1/rooms/{roomId}", "adminRoom");
  /** Synapse admin API: query one account (#query-user-account). */
  static final Route ADMIN_USER = new Route("GET", ADMIN + "/v2/users/{userId}", "adminUser");
  /** Synapse admin API: create or modify an account (#create-or-modify-account). */
  static final Route ADMIN_PUT_USER =
      new Route("PUT", ADMIN + "/v2/users/{userId}", "adminPutUser");
  /** Synapse admin API: a user's rate limit override (#override-ratelimiting-for-users). */
  static final Route ADMIN_GET_RATELIMIT = new Route("GET",
      ADMIN + "/v1/users/{userId}/override_ratelimit", "adminGetRatelimit");
  static final Route ADMIN_SET_RATELIMIT = new Route("POST",
      ADMIN + "/v1/users/{userId}/override_ratelimit", "adminSetRatelimit");

  private Routes() {}
}
