package io.usher.matrix;

import java.util.Map;

/**
 * What an application service does besides a user's requests
 * (https://spec.matrix.org/latest/application-service-api/), through a client authenticated
 * with its {@code as_token}.
 */
public final class ApplicationService {
  private final MatrixClient client;

  /** @param client authenticated with the registration's {@code as_token} */
  public ApplicationService(MatrixClient client) {
    this.client = client;
  }

  /**
   * {@code POST /register} with {@code m.login.application_service}
   * (https://spec.matrix.org/latest/application-service-api/#server-admin-style-permissions):
   * creates {@code localpart} in the service's namespace; a no-op when it exists.
   *
   * @throws MatrixException for any other refusal (outside the namespace, say)
   */
  public void registerUser(String localpart) {
    try {
      client.api().call(Routes.REGISTER.compile(), Map.of("type",
          "m.login.application_service", "username", localpart), Map.of());
    } catch (MatrixException e) {
      if (!e.is(ErrorCode.M_USER_IN_USE)) {
        throw e;
      }
    }
  }
}
