package dev.paperboy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages keep their boundaries: a paper flows feed → catalog → index → page. */
class ModularityTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.paperboy");

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
    ApplicationModules.of(PaperboyApplication.class).verify();
  }

  @Test
  void theCatalogDependsOnNoOtherFeature() {
    noClasses()
        .that()
        .resideInAPackage("dev.paperboy.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.paperboy.ingest..",
            "dev.paperboy.search..",
            "dev.paperboy.web..",
            "dev.paperboy.cli..")
        .check(CLASSES);
  }

  @Test
  void searchKnowsNothingOfImportingOrPages() {
    noClasses()
        .that()
        .resideInAPackage("dev.paperboy.search..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.paperboy.ingest..", "dev.paperboy.web..", "dev.paperboy.cli..")
        .check(CLASSES);
  }

  /** Writers write the catalog; the index follows it (docs/SEARCH.md). */
  @Test
  void ingestKnowsNothingOfSearch() {
    noClasses()
        .that()
        .resideInAPackage("dev.paperboy.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.paperboy.search..")
        .check(CLASSES);
  }

  @Test
  void featuresAreFreeOfCycles() {
    slices().matching("dev.paperboy.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
