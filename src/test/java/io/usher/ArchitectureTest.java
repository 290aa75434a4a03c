package io.usher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The package import rules of DESIGN.md. */
class ArchitectureTest {
  static final JavaClasses USHER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.usher");

  private static void onlyDependsOn(String pkg, String... allowed) {
    String[] all = new String[allowed.length + 2];
    all[0] = "java..";
    all[1] = pkg;
    System.arraycopy(allowed, 0, all, 2, allowed.length);
    classes().that().resideInAPackage(pkg).should().onlyDependOnClassesThat()
        .resideInAnyPackage(all).check(USHER);
  }

  @Test
  void scheduleModelUsesJavaOnly() {
    onlyDependsOn("io.usher.schedule");
  }

  /** One pure parser per format into the model; none knows another, nor where bytes come from. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"io.usher.schedule.frab", "io.usher.schedule.ical",
      "io.usher.schedule.people"})
  void parsersUseTheModelAndParsingLibrariesOnly(String parsers) {
    onlyDependsOn(parsers, "io.usher.schedule", "com.fasterxml.jackson..", "javax.xml.stream..",
        "net.fortuna.ical4j..");
  }

  @Test
  void scheduleSourceUsesParsersAndOkHttp() {
    onlyDependsOn("io.usher.schedule.source", "io.usher.schedule..", "okhttp3..", "okio..",
        "kotlin..");
  }

  @Test
  void matrixClientKnowsNothingOfConferences() {
    onlyDependsOn("io.usher.matrix", "okhttp3..", "okio..", "kotlin..", "com.fasterxml.jackson..");
  }

  @Test
  void planUsesTheScheduleOnly() {
    onlyDependsOn("io.usher.plan", "io.usher.schedule");
  }

  @Test
  void peopleAndWidgetsBuildOnPlan() {
    onlyDependsOn("io.usher.plan.people", "io.usher.plan", "io.usher.schedule");
    onlyDependsOn("io.usher.plan.widgets", "io.usher.plan", "io.usher.schedule");
  }

  @Test
  void diffUsesPlanPackagesAndSchedule() {
    onlyDependsOn("io.usher.plan.diff", "io.usher.plan..", "io.usher.schedule");
  }

  @Test
  void lifecycleUsesPlanPackagesAndSchedule() {
    onlyDependsOn("io.usher.lifecycle", "io.usher.plan..", "io.usher.schedule");
  }

  @Test
  void applyUsesPlanLifecycleAndMatrix() {
    onlyDependsOn("io.usher.apply", "io.usher.plan..", "io.usher.lifecycle", "io.usher.matrix");
  }

  @Test
  void schedulerAsksApplyAtPhaseInstants() {
    onlyDependsOn("io.usher.scheduler", "io.usher.apply", "io.usher.lifecycle", "io.usher.plan..",
        "io.usher.schedule", "org.quartz..", "java.sql..", "javax.sql..");
  }

  @Test
  void commandsUseApplyLifecyclePlanScheduleMatrixAndVideo() {
    onlyDependsOn("io.usher.commands", "io.usher.apply", "io.usher.lifecycle", "io.usher.plan..",
        "io.usher.schedule", "io.usher.matrix", "io.usher.video");
  }

  @Test
  void onboardingUsesApplyPlanScheduleAndMatrix() {
    onlyDependsOn("io.usher.onboard", "io.usher.apply", "io.usher.plan..", "io.usher.schedule..",
        "io.usher.matrix");
  }

  @Test
  void webServesScheduleAndPlanNeverMatrix() {
    onlyDependsOn("io.usher.web", "io.usher.schedule", "io.usher.plan..", "io.usher.lifecycle",
        "io.usher.video", "io.javalin..", "io.micrometer..", "com.fasterxml.jackson..");
  }

  /** The scoreboard's reader: implements web's port with the Matrix client; nothing else. */
  @Test
  void questionsReadMatrixForTheWebPort() {
    onlyDependsOn("io.usher.questions", "io.usher.matrix", "io.usher.web");
  }

  @Test
  void nothingImportsApp() {
    noClasses().that().resideOutsideOfPackage("io.usher.app..").should().dependOnClassesThat()
        .resideInAPackage("io.usher.app..").check(USHER);
  }

  /** The app is its three packages; nothing is left beside them. */
  @Test
  void appIsCliConfigAndRuntime() {
    classes().that().resideInAPackage("io.usher.app..").should()
        .resideInAnyPackage("io.usher.app.cli", "io.usher.app.config", "io.usher.app.runtime")
        .check(USHER);
  }

  /** The config is read without knowing who reads it: neither commands nor wiring. */
  @Test
  void configImportsNeitherCommandsNorWiring() {
    noClasses().that().resideInAPackage("io.usher.app.config").should().dependOnClassesThat()
        .resideInAnyPackage("io.usher.app.cli", "io.usher.app.runtime").check(USHER);
  }

  /** The wiring runs under any front end: it never imports the commands. */
  @Test
  void runtimeDoesNotImportCommands() {
    noClasses().that().resideInAPackage("io.usher.app.runtime").should().dependOnClassesThat()
        .resideInAPackage("io.usher.app.cli").check(USHER);
  }
}
