package io.usher.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalpartMappingTest {
  final LocalpartMapping mapping = LocalpartMapping.defaults();

  @Test
  void atSignUpperCasePlusAndAccents() {
    assertThat(mapping.localpart("Jane.Doe@Example.ORG")).isEqualTo("jane.doe.example.org");
    assertThat(mapping.localpart("jane+fosdem@example.org")).isEqualTo("jane+fosdem.example.org");
    assertThat(mapping.localpart("Zoë.Müller@exämple.de")).isEqualTo("zoe.muller.example.de");
    assertThat(mapping.localpart("straße@x.de")).isEqualTo("strasse.x.de");
  }

  @Test
  void otherScriptsAreHexEscapedSoTheyNeverCollide() {
    String wang = mapping.localpart("王@example.cn");
    String li = mapping.localpart("李@example.cn");
    assertThat(wang).isEqualTo("=e7=8e=8b.example.cn").isNotEqualTo(li);
    assertThat(LocalpartMapping.isValid(wang)).isTrue();
  }

  @Test
  void invalidCharactersAreReplacedAndALeadingUnderscoreAvoided() {
    assertThat(mapping.localpart("o'neil!@x.org")).isEqualTo("o_neil_.x.org");
    assertThat(mapping.localpart("#team@x.org")).isEqualTo("u_team.x.org");
    assertThat(new LocalpartMapping("_at_", "-", false).localpart("Jane+Conf@X.org"))
        .isEqualTo("jane_at_x.org");
  }
}
