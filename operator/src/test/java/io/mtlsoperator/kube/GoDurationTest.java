package io.mtlsoperator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void parsesCompoundDurations() {
    assertThat(GoDuration.parse("spec.duration", "8760h")).isEqualTo(Duration.ofDays(365));
    assertThat(GoDuration.parse("spec.duration", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("spec.duration", "1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("spec.duration", "2m3s500ms")).isEqualTo(Duration.ofMillis(123_500));
  }

  @Test
  void rejectsOtherFormsNamingTheField() {
    assertThatThrownBy(() -> GoDuration.parse("spec.renewBefore", "P90D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spec.renewBefore")
        .hasMessageContaining("2160h");
    assertThatThrownBy(() -> GoDuration.parse("spec.duration", "90 days")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoDuration.parse("spec.duration", "10d")).isInstanceOf(IllegalArgumentException.class);
  }
}
