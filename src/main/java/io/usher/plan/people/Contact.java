package io.usher.plan.people;

import java.util.Optional;

/**
 * A person as the roster knows them: how reports name them and how to reach them on Matrix.
 * Neither a Matrix id nor an e-mail means "no contact": reported, never dropped.
 */
public record Contact(String label, Optional<String> matrixId, Optional<String> email) {
  /** Whether there is any way to invite this person. */
  public boolean reachable() {
    return matrixId.isPresent() || email.isPresent();
  }

  @Override
  public String toString() {
    return matrixId.or(() -> email).map(a -> label.equals(a) ? a : label + " (" + a + ")")
        .orElse(label);
  }
}
