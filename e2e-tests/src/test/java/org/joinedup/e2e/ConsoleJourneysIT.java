package org.joinedup.e2e;

import org.joinedup.testing.KeycloakServer;
import org.joinedup.testing.Processes;
import org.joinedup.testing.ServiceProcess;
import org.joinedup.testing.TestInfrastructure;
import org.joinedup.testing.TestNhsNumbers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real headless Chromium, signed in through a real Keycloak, against the packaged
 * services, PostgreSQL and Kafka: what a safeguarding lead, a practitioner and a lead of an uninvolved agency
 * can do and see. Every page is checked with axe-core; screenshots go to docs/screenshots/.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ConsoleJourneysIT {
    static final String PASSWORD = "local-dev-only";
    static KeycloakServer keycloak;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess console;
    static String concerns;
    static String audit;
    static String directory;
    static String child;
    static String nhs;
    static String referrals;
    static String policeConcern;
    static String team;
    static String nurse;
    /** A moment after the police's concern was recorded and before health's. */
    static java.time.Instant between;

    @BeforeAll
    static void start() {
        TestInfrastructure.ensureStarted();
        int consolePort = Processes.freePort();
        String consoleUrl = "http://127.0.0.1:" + consolePort;
        keycloak = KeycloakServer.start(Path.of(System.getProperty("joinedup.keycloak.home")),
                Processes.projectRoot().resolve("deploy/keycloak/joinedup-realm.json"),
                Map.of("http://127.0.0.1:8080", consoleUrl));
        ServiceProcess concern = service("concern-service", "console_concern");
        ServiceProcess audit = service("audit-service", "console_audit");
        ServiceProcess directory = service("agency-directory-service", "console_directory");
        ServiceProcess referral = service("referral-service", "console_referral");
        ServiceProcess notification = service("notification-service", "console_notification")
                .property("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + TestInfrastructure.postgres().port()
                        + "/console_notification");
        ConsoleJourneysIT.concerns = concern.baseUrl();
        ConsoleJourneysIT.audit = audit.baseUrl();
        ConsoleJourneysIT.directory = directory.baseUrl();
        ConsoleJourneysIT.referrals = referral.baseUrl();
        console = new ServiceProcess("web-console", null, consolePort)
                .property("quarkus.oidc.auth-server-url", keycloak.issuer())
                .property("joinedup.console.identity-provider-origin", keycloak.origin())
                .property("quarkus.rest-client.concerns.url", concern.baseUrl())
                .property("quarkus.rest-client.audit.url", audit.baseUrl())
                .property("quarkus.rest-client.directory.url", directory.baseUrl())
                .property("quarkus.rest-client.referrals.url", referral.baseUrl())
                .property("quarkus.rest-client.notifications.url", notification.baseUrl());
        services.add(console);
        for (ServiceProcess s : services) {
            s.start();
        }
        seed();
    }

    static ServiceProcess service(String module, String database) {
        ServiceProcess s = new ServiceProcess(module, database).oidc(keycloak.issuer());
        services.add(s);
        return s;
    }

    @AfterAll
    static void stop() {
        services.forEach(ServiceProcess::stop);
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /** Haringey's agencies in the directory, and a child two of them hold a concern about. */
    static void seed() {
        String admin = keycloak.userToken("admin.directory", PASSWORD);
        for (String[] a : new String[][] {{"haringey-csc", "childrens-social-care", "\"N17\""}, {"met-police", "police", ""},
                {"whittington-health", "health", ""}, {"riverside-academy", "education", ""}}) {
            given().baseUri(directory).auth().oauth2(admin).contentType("application/json").body("""
                    {"agencyId": "%s", "kind": "%s", "name": "%s", "area": "Haringey",
                     "contact": {"mailbox": "duty@%s.example", "phone": "020 7946 0100"}, "frontDoorFor": [%s]}"""
                    .formatted(a[0], a[1], a[0].replace('-', ' '), a[0], a[2])).post("/agencies").then().statusCode(201);
        }
        nhs = TestNhsNumbers.next();
        var raised = given().baseUri(concerns).auth().oauth2(keycloak.clientToken("met-police-system", "met-police-local-dev-secret"))
                .contentType("application/json").body("""
                        {"child": {"nhsNumber": "%s", "familyName": "Mensah", "givenName": "Ama", "dateOfBirth": "2018-05-09",
                         "postcode": "N17 0AA"}, "category": "domestic-abuse", "wellbeingIndicators": ["safe", "nurtured"],
                         "riskLevel": "high", "description": "Officers attended a domestic incident; the child was present.",
                         "occurredAt": "2026-11-08T23:05:00Z"}""".formatted(nhs))
                .post("/concerns").then().statusCode(201).extract();
        child = raised.path("childId");
        policeConcern = raised.path("concernId");
        sleep(1100);
        between = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sleep(1100);
        given().baseUri(concerns).auth().oauth2(keycloak.clientToken("whittington-health-system", "whittington-health-local-dev-secret"))
                .contentType("application/json").body("""
                        {"child": {"nhsNumber": "%s"}, "category": "physical-abuse", "wellbeingIndicators": ["safe", "healthy"],
                         "riskLevel": "medium", "description": "Bruising to both upper arms; the explanation does not fit.",
                         "childsVoice": "I was naughty.", "occurredAt": "2026-10-20T18:40:00Z"}""".formatted(nhs))
                .post("/concerns").then().statusCode(201);
        // The school knows her under another spelling and without her NHS number: a pair for the review queue.
        given().baseUri(concerns).auth().oauth2(keycloak.clientToken("riverside-academy-system", "riverside-academy-local-dev-secret"))
                .contentType("application/json").body("""
                        {"child": {"familyName": "Mensa", "givenName": "Ama", "dateOfBirth": "2018-05-09", "postcode": "N17 0AA"},
                         "category": "neglect", "riskLevel": "low", "description": "Arrives hungry most mornings.",
                         "occurredAt": "2026-11-12T08:50:00Z"}""")
                .post("/concerns").then().statusCode(201);
        String lead = keycloak.userToken("lead.haringey", PASSWORD);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(audit).auth().oauth2(lead)
                .queryParam("kind", "concern").get("/children/" + child + "/chronology").then().statusCode(200)
                .body("total", equalTo(2)).body("basis", equalTo("front-door")));
        seedCasework(admin, lead);
    }

    /**
     * The schools' agreement (the police may share domestic abuse with the academy for safeguarding), a police
     * referral to children's social care, and the child's Team Around the Child with an agreed action.
     */
    static void seedCasework(String admin, String lead) {
        String agreement = given().baseUri(directory).auth().oauth2(admin).contentType("application/json").body("""
                {"title": "Schools safeguarding partnership", "parties": ["met-police", "riverside-academy", "haringey-csc"],
                 "categories": ["domestic-abuse", "neglect", "referral"], "purposes": ["safeguarding"],
                 "lawfulBasis": "public-task", "partnershipLevel": "coordination", "meetingFrequency": "quarterly",
                 "validFrom": "2026-01-01", "validTo": "2099-12-31", "reviewDate": "2027-01-01"}""")
                .post("/agreements").then().statusCode(201).extract().path("agreementId");
        for (String signatory : new String[] {"dsl.met-police", "dsl.riverside-academy", "lead.haringey"}) {
            given().baseUri(directory).auth().oauth2(keycloak.userToken(signatory, PASSWORD)).contentType("application/json")
                    .body("{\"signatoryName\": \"Designated Safeguarding Lead\", \"signatoryRole\": \"DSL\"}")
                    .post("/agreements/" + agreement + "/signatures").then().statusCode(201);
        }
        org.joinedup.directory.view.DirectoryQueries concernServiceCopy = new org.joinedup.directory.view.DirectoryQueries(
                database("console_concern"));
        var question = new org.joinedup.directory.view.SharingPolicy.Question("met-police", "riverside-academy",
                "domestic-abuse", "safeguarding", java.time.Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> concernServiceCopy.mayShare(question).allowed());

        String police = keycloak.clientToken("met-police-system", "met-police-local-dev-secret");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(referrals).auth().oauth2(police)
                .contentType("application/json").body("""
                        {"childId": "%s", "toAgency": "haringey-csc", "concernIds": ["%s"],
                         "reason": "Domestic abuse at home with the child present.", "urgency": "urgent",
                         "familyInformed": "Mother told of the referral.", "consent": {"status": "given"}}"""
                        .formatted(child, policeConcern)).post("/referrals").then().statusCode(201));
        team = given().baseUri(referrals).auth().oauth2(lead).contentType("application/json").body("""
                {"childId": "%s", "reviewEveryWeeks": 6, "leadReason": "Health sees her most often.",
                 "members": [{"kind": "practitioner", "role": "School nurse", "agencyId": "whittington-health",
                              "practitionerId": "nurse.okoro", "name": "Grace Okoro", "leadProfessional": true},
                             {"kind": "parent-carer", "name": "Abena Mensah", "role": "Mother"}]}""".formatted(child))
                .post("/teams").then().statusCode(201).extract().path("teamId");
        nurse = given().baseUri(referrals).auth().oauth2(lead).get("/teams/" + team).then().statusCode(200)
                .extract().path("members.find { it.kind == 'practitioner' }.memberId");
        given().baseUri(referrals).auth().oauth2(lead).contentType("application/json").body("""
                {"description": "Arrange a health assessment of the bruising", "ownerMemberId": "%s", "dueOn": "%s"}"""
                .formatted(nurse, java.time.LocalDate.now().plusDays(14)))
                .post("/teams/" + team + "/actions").then().statusCode(200);
        // The team works from an early help assessment, made with the family's consent and in their words.
        String assessment = given().baseUri(referrals).auth().oauth2(lead).contentType("application/json").body("""
                {"childId": "%s", "consent": {"status": "given"},
                 "domains": [{"domain": "child-development", "strengths": ["Doing well in reading"],
                              "needs": [{"description": "Bruising not explained", "indicators": ["safe", "healthy"]}]},
                             {"domain": "parenting-capacity", "strengths": ["Mother asks for help"]},
                             {"domain": "family-and-environment", "needs": [{"description": "Overcrowded flat",
                              "indicators": ["healthy"]}]}],
                 "childsVoice": "I want to stay at my school.", "parentsViews": "We need somewhere bigger to live."}"""
                .formatted(child)).post("/early-help-assessments").then().statusCode(201).extract().path("assessmentId");
        given().baseUri(referrals).auth().oauth2(lead).contentType("application/json")
                .body("{\"outcome\": \"team-around-the-child\", \"reason\": \"Health and housing are both needed.\"}")
                .post("/early-help-assessments/" + assessment + "/completion").then().statusCode(200);
        given().baseUri(referrals).auth().oauth2(lead).contentType("application/json")
                .body("{\"assessmentId\": \"" + assessment + "\"}").post("/teams/" + team + "/assessment").then().statusCode(200);
        // Two reviews with the team's SHANARRI ratings: safety improves, health does not yet.
        String mother = given().baseUri(referrals).auth().oauth2(lead).get("/teams/" + team).then().statusCode(200)
                .extract().path("members.find { it.kind == 'parent-carer' }.memberId");
        for (String[] levels : new String[][] {{"significant-concern", "some-concern"}, {"partly-met", "some-concern"}}) {
            given().baseUri(referrals).auth().oauth2(lead).contentType("application/json").body("""
                    {"heldOn": "%s", "attendees": ["%s", "%s"], "decisions": ["Continue the plan"], "assessment": "stands",
                     "wellbeing": [{"indicator": "safe", "level": "%s"}, {"indicator": "healthy", "level": "%s"}]}"""
                    .formatted(java.time.LocalDate.now(), nurse, mother, levels[0], levels[1]))
                    .post("/teams/" + team + "/reviews").then().statusCode(200);
        }
    }

    static javax.sql.DataSource database(String name) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(TestInfrastructure.postgres().jdbcUrl(name));
        ds.setUser("postgres");
        return ds;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_lead_finds_a_child_by_nhs_number_reads_the_chronology_and_filters_it() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/").signIn("lead.haringey", PASSWORD);
            assertEquals("Safeguarding console", b.heading());
            b.accessible("home").screenshot("console-home");

            b.find("a[href='/children/search']").click();
            b.find("#nhsNumber");
            b.driver.findElement(By.id("nhsNumber")).sendKeys(nhs);
            b.driver.findElement(By.id("find")).click();
            b.find("#results");
            assertEquals("1 record that may be the child", b.find("#results").getText());
            assertTrue(b.find("table").getText().contains("Ama Mensah"), b.find("table").getText());
            b.accessible("search results").screenshot("console-find-a-child");

            b.find("table a.govuk-link").click();
            b.find("#significant");
            assertEquals("Ama Mensah", b.heading());
            assertTrue(b.find("#summary-born").getText().startsWith("9 May 2018 ("), b.find("#summary-born").getText());
            assertEquals(nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6), b.find("#summary-nhs").getText());
            List<String> titles = b.all("#significant h3").stream().map(e -> e.getText()).toList();
            assertTrue(titles.contains("Concern raised: Domestic abuse High risk"), titles.toString());
            assertTrue(b.find("#significant").getText().contains("Bruising to both upper arms"), "the front door reads health's concern");
            assertTrue(b.find("#need-to-know").getText().contains("front door"));
            assertTrue(!b.all(".app-chronology__flag").isEmpty(), "a bigger-picture flag stands out");
            assertTrue(b.all("#chronology").isEmpty(), "the process is folded until asked for");
            b.accessible("chronology").screenshot("console-chronology");

            b.find("#filters summary").click();
            new Select(b.find("#agencyId")).selectByValue("met-police");
            new Select(b.driver.findElement(By.id("kind"))).selectByValue("concern");
            b.driver.findElement(By.id("apply-filters")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "1 entry match"));
            assertEquals(List.of("Concern raised: Domestic abuse High risk"),
                    b.all("#chronology h3").stream().map(e -> e.getText()).toList());
            b.accessible("filtered chronology").screenshot("console-chronology-filtered");

            b.driver.get(console.baseUrl() + "/children/" + child + "?from=last-week");
            assertTrue(b.find(".govuk-error-summary").getText().contains("From must be a date"));
            assertEquals("Ama Mensah", b.heading(), "a bad filter keeps the child");
            assertTrue(b.find("#significant").getText().contains("Bruising to both upper arms"), "and what matters about her");
            b.accessible("chronology with a bad filter");
        }
    }

    /**
     * The first screen of her chronology, as the lead opens it, shows every concern about her with its risk, and
     * the record that may be her too with the concern filed under it, waiting in the review queue; process entries
     * (team members, actions, reviews) are behind "Show every entry".
     */
    @Test
    @org.junit.jupiter.api.Order(1) // before the review queue journey links her two records
    void the_first_screen_of_the_chronology_shows_every_concern_and_her_possible_duplicate() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + child).signIn("lead.haringey", PASSWORD);
            String first = b.find("#significant").getText();
            for (String concern : List.of("Officers attended a domestic incident", "Bruising to both upper arms")) {
                assertTrue(first.contains(concern), "on the first screen: " + concern);
            }
            assertTrue(first.contains("High risk") && first.contains("Medium risk"), first);
            String duplicate = b.find("#duplicate-list").getText();
            assertTrue(duplicate.contains("Ama Mensa") && duplicate.contains("Arrives hungry most mornings"), duplicate);
            assertTrue(b.find("#summary-status").getText().length() > 0);
            assertTrue(b.find("#summary-team").getText().contains("lead professional"), b.find("#summary-team").getText());
            assertTrue(b.find("#signed-in-as").getText().contains("haringey csc"), "the agency by its name, not its id");
            List<String> significant = b.all("#significant h3").stream().map(e -> e.getText()).toList();
            assertTrue(significant.stream().noneMatch(t -> t.startsWith("Team member added") || t.startsWith("Action agreed")
                    || t.startsWith("Plan reviewed")), significant.toString());
            b.accessible("case summary").screenshot("console-case-summary");
            Object pdf = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('pdf').href).then(r => r.arrayBuffer().then(a => done(r.status + ' '
                        + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(a).slice(0, 5))
                        + ' ' + a.byteLength))).catch(e => done('failed ' + e));""");
            assertTrue(String.valueOf(pdf).startsWith("200 application/pdf %PDF-"), String.valueOf(pdf));

            b.find("#duplicate-list a").click();
            assertEquals("Records that may be one child", b.heading());
            assertTrue(b.find(".govuk-summary-card").getText().contains("Ama Mensa"));
            b.driver.navigate().back();

            b.find("#show-all").click();
            b.find("#chronology");
            List<String> all = b.all("#chronology h3").stream().map(e -> e.getText()).toList();
            assertTrue(all.stream().anyMatch(t -> t.startsWith("Action agreed") || t.startsWith("Team member added")
                    || t.startsWith("Plan reviewed")), all.toString());
            b.accessible("every entry");
        }
    }

    @Test
    void a_lead_finds_a_child_and_filters_the_chronology_with_the_keyboard_alone() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/").signIn("lead.haringey", PASSWORD);
            b.tabTo(".govuk-skip-link");
            b.tabTo("main a[href='/children/search']");
            b.type(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Find a child"));
            b.tabTo("#nhsNumber");
            b.type(nhs, Keys.ENTER);
            b.find("#results");
            b.tabTo("table a.govuk-link");
            b.type(Keys.ENTER);
            b.find("#significant");
            b.tabTo("#filters summary");
            b.type(Keys.ENTER);
            b.tabTo("#kind");
            b.type("Concern");
            b.tabTo("#apply-filters");
            b.type(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "match"));
            List<String> titles = b.all("#chronology h3").stream().map(e -> e.getText()).toList();
            assertTrue(!titles.isEmpty() && titles.stream().allMatch(t -> t.startsWith("Concern")), titles.toString());
            b.tabTo("#child-links a[href='/children/" + child + "/team']");
            b.type(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Team Around the Child"));
            b.tabTo("#sign-out");
            b.type(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "You have signed out"));
        }
    }

    @Test
    void without_javascript_a_lead_still_finds_a_child_and_filters_her_chronology() {
        try (Browser b = new Browser(console.baseUrl(), false)) {
            b.open("/children/search").signIn("lead.haringey", PASSWORD);
            assertTrue(!b.find("body").getAttribute("class").contains("govuk-frontend-supported"), "no script ran");
            b.find("#nhsNumber").sendKeys(nhs);
            b.driver.findElement(By.id("find")).click();
            b.find("table a.govuk-link").click();
            b.find("#significant");
            b.find("#filters summary").click();
            new Select(b.find("#agencyId")).selectByValue("whittington-health");
            b.driver.findElement(By.id("apply-filters")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "match"));
            assertTrue(b.find("#chronology").getText().contains("Bruising to both upper arms"), b.find("#chronology").getText());
        }
    }

    /**
     * Addresses and forms a person (or a bad link) can get wrong, in a signed-in session: each answers a page
     * saying what is wrong (4xx), never a failure of the console (5xx).
     */
    @Test
    void malformed_addresses_and_forms_never_fail_the_console() {
        List<String> ids = List.of("not-a-uuid", "%20", "00000000-0000-0000-0000-00000000000g", "%00", "..%2F..%2Fetc",
                "x".repeat(300), java.util.UUID.randomUUID().toString());
        List<String> gets = new ArrayList<>(List.of("/children/search?by=nhs&nhsNumber=%00", "/children/search?by=zzz",
                "/children/search?by=names&familyName=&dobDay=31&dobMonth=2&dobYear=-1&ageYears=abc",
                "/children/" + child + "?offset=-5&limit=abc&order=sideways&from=2026-13-45&to=x&kind=zzz",
                "/children/" + child + "?page=-1&agencyId=%00&indicator=%FF", "/referrals?childId=%00&overdue=maybe",
                "/inspection/children/" + child + "?asOf=yesterday", "/inspection/children/" + child + "?asOf=9999-99-99T99:99",
                "/inbox?done=%3Cscript%3E", "/review?done=x", "/flags?status=%00", "/review?reason=zzz",
                "/review?after=not-a-cursor", "/review?after=%00&reason=likely-match", "/review?reason=%00",
                "/children/" + child + "?spage=x&all=%00", "/children/" + child + "?spage=-3&all=true&page=99999",
                "/triage?page=%00", "/triage?page=-1", "/flags?page=x&status=zzz&childId=%00", "/review?childId=%00",
                "/concerns?page=x&raisedBy=%00", "/inspection?nhsNumber=%00", "/inspection?nhsNumber=" + "9".repeat(300),
                "/inspection/children/" + child + "?page=x&basis=%00&agencyId=%00",
                "/inspection/children/" + child + "/access.csv?asOf=x", "/inspection/children/" + child + "/access.csv?basis=zzz",
                "/children/" + child + "/team/review", "/children/" + child + "/team/action"));
        for (String id : ids) {
            for (String path : List.of("/triage/%s", "/triage/%s/decided", "/referrals/%s", "/referrals/%s/done/decision",
                    "/concerns/%s", "/concerns/%s/amended", "/children/%s/emergency-access", "/children/%s/team/new",
                    "/children/%s/team/member", "/children/%s/team/done/review")) {
                gets.add(path.formatted(id));
            }
        }
        for (String id : ids) {
            for (String path : List.of("/children/%s", "/children/%s/concerns", "/children/%s/team", "/children/%s/shares/new",
                    "/children/%s/referrals/new", "/inspection/children/%s", "/inspection/children/%s/export",
                    "/referrals?childId=%s")) {
                gets.add(path.formatted(id));
            }
        }
        List<String> posts = new ArrayList<>();
        for (String id : ids) {
            for (String path : List.of("/children/%s/shares", "/children/%s/referrals", "/flags/%s/acknowledgement",
                    "/review/%s/decision", "/inbox/shares/%s/acknowledgement", "/inbox/notices/%s/acknowledgement")) {
                posts.add(path.formatted(id));
            }
        }
        for (String id : ids) {
            for (String path : List.of("/triage/%s/decision", "/referrals/%s/decision", "/referrals/%s/acknowledgement",
                    "/referrals/%s/closure", "/concerns/%s/amend", "/concerns/%s/withdraw", "/children/%s/emergency-access",
                    "/children/%s/team/new", "/children/%s/team/review", "/children/%s/team/action",
                    "/children/" + child + "/team/actions/%s/completion")) {
                posts.add(path.formatted(id));
            }
        }
        posts.add("/children/" + child + "/shares");
        posts.add("/concerns");
        posts.add("/children/" + child + "/team/review");
        posts.add("/children/" + child + "/team/action");
        posts.add("/children/" + child + "/team/member");
        posts.add("/children/" + child + "/team/lead-professional");
        List<String> bodies = List.of("", "concernIds=%00&toAgency=" + "y".repeat(5000) + "&consentStatus=maybe",
                "dobDay=x&dobMonth=99&dobYear=1&occurredDate=2026-02-30&occurredTime=25:61&indicators=zzz&decision=maybe",
                "outcome=%00&reason=" + "r".repeat(5000) + "&version=x&heldOn-day=99&heldOn-month=x&heldOn-year=-1"
                        + "&attendees=%00&rating-safe=zzz&dueOn-day=31&dueOn-month=2&dueOn-year=2027&ownerMemberId=x"
                        + "&kind=alien&memberId=%00&justification=&riskLevel=zzz&reviewEveryWeeks=-4&leadAgency=%00");
        for (String who : List.of("lead.haringey", "pc.adeyemi")) {
            try (Browser b = new Browser(console.baseUrl())) {
                b.open("/").signIn(who, PASSWORD);
                b.driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(4));
                Object answer = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
                        const [gets, posts, bodies, formPage, done] = arguments;
                        (async () => {
                          const form = await (await fetch(formPage)).text();
                          const token = (form.match(/name="csrf" value="([^"]+)"/) || [])[1] || '';
                          const failed = [];
                          for (const g of gets) {
                            const r = await fetch(g, {redirect: 'manual'});
                            if (r.status >= 500) failed.push('GET ' + g + ' ' + r.status);
                          }
                          for (const p of posts) {
                            for (const body of bodies) {
                              for (const t of [token, '']) {
                                const r = await fetch(p, {method: 'POST', redirect: 'manual',
                                  headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                                  body: 'csrf=' + encodeURIComponent(t) + (body ? '&' + body : '')});
                                if (r.status >= 500) failed.push('POST ' + p + ' [' + body.slice(0, 40) + '] ' + r.status);
                              }
                            }
                          }
                          if (!token) failed.push('no form token on ' + formPage);
                          done(failed.join('\\n'));
                        })().catch(e => done('script failed: ' + e));""", gets, posts, bodies, "/children/" + child + "/shares/new");
                assertEquals("", String.valueOf(answer), who + ": these answered 5xx");
            }
        }
    }

    @Test
    void a_lead_of_an_agency_with_no_relationship_finds_nothing_and_the_chronology_is_not_found() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + child).signIn("dsl.safe-steps", PASSWORD);
            assertEquals("Page not found", b.heading());
            b.accessible("not found").screenshot("console-not-found");
            b.open("/children/search?by=nhs&nhsNumber=" + nhs);
            assertEquals("No records found", b.find("#results").getText());
        }
    }

    @Test
    void a_practitioner_sees_the_field_the_service_refused() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/search").signIn("pc.adeyemi", PASSWORD);
            b.find("#nhsNumber").sendKeys("9434765918");
            b.driver.findElement(By.id("find")).click();
            String summary = b.find(".govuk-error-summary").getText();
            assertTrue(summary.contains("Check the NHS number"), "in plain English: " + summary);
            assertTrue(b.find("#nhsNumber-error").isDisplayed());
            b.accessible("search with an error").screenshot("console-find-a-child-error");
        }
    }

    @Test
    void a_lead_acknowledges_a_flag_with_a_reason_and_a_missing_reason_is_named() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/flags").signIn("lead.haringey", PASSWORD);
            assertEquals("Bigger-picture flags", b.heading());
            b.accessible("flags").screenshot("console-flags");
            b.find(".govuk-summary-card form button").click();
            assertTrue(b.find(".govuk-error-summary").getText().contains("Enter what you are doing about it"),
                    b.find(".govuk-error-summary").getText());
            b.accessible("flags with an error");
            b.find(".govuk-summary-card form textarea").sendKeys("Strategy discussion booked with police and health tomorrow.");
            b.find(".govuk-summary-card form button").click();
            assertTrue(b.find(".govuk-notification-banner--success").getText().contains("Flag acknowledged"));
            assertTrue(b.find(".govuk-summary-card").getText().contains("Strategy discussion booked"));
        }
    }

    @Test
    void a_lead_links_two_records_of_one_child_from_the_review_queue() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/review").signIn("lead.haringey", PASSWORD);
            assertEquals("Records that may be one child", b.heading());
            String card = b.find(".govuk-summary-card").getText();
            assertTrue(card.contains("Ama Mensah") && card.contains("Ama Mensa"), card);
            assertTrue(card.contains("Likely the same child") && card.contains("Evidence they are one child")
                    && card.contains("Evidence they are not"), card);
            b.accessible("review queue").screenshot("console-review-queue");
            // Filtered to NHS number conflicts there is nothing about her; back to every reason, she is there.
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("reason"))).selectByValue("nhs-number-conflict");
            b.find("form[action='/review'] button").click();
            assertTrue(b.find("#no-candidates").getText().contains("for this reason"));
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("reason"))).selectByValue("");
            b.find("form[action='/review'] button").click();
            b.find(".govuk-summary-card .govuk-radios__item:first-child label").click();
            b.find(".govuk-summary-card textarea").sendKeys("Same date of birth and address; the school spelt the name Mensa.");
            b.find(".govuk-summary-card form button").click();
            assertTrue(b.find(".govuk-notification-banner--success").getText().contains("linked"));
        }
    }

    @Test
    void a_practitioner_cannot_use_a_lead_s_pages_and_a_forged_form_changes_nothing() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/flags").signIn("pc.adeyemi", PASSWORD);
            assertEquals("You cannot use this page", b.heading());
        }
        // A form posted in a signed-in session but without the person's token (as another site would post it)
        // is refused before anything reaches a service.
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/").signIn("lead.haringey", PASSWORD);
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("""
                    const f = document.createElement('form');
                    f.method = 'post';
                    f.action = '/flags/' + arguments[0] + '/acknowledgement';
                    const r = document.createElement('input');
                    r.name = 'reason';
                    r.value = 'forged';
                    f.appendChild(r);
                    document.body.appendChild(f);
                    f.submit();""", java.util.UUID.randomUUID().toString());
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "The form has expired"));
        }
    }

    @Test
    void a_practitioner_raises_a_concern_sees_the_field_the_service_refused_then_reads_it_back() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/concerns/new").signIn("pc.adeyemi", PASSWORD);
            assertEquals("Raise a concern", b.heading());
            b.accessible("raise a concern");
            b.find("#nhsNumber").sendKeys("9434765918");
            b.driver.findElement(By.id("familyName")).sendKeys("Owusu");
            b.driver.findElement(By.id("givenName")).sendKeys("Kwame");
            b.driver.findElement(By.id("dobDay")).sendKeys("31");
            b.driver.findElement(By.id("dobMonth")).sendKeys("2");
            b.driver.findElement(By.id("dobYear")).sendKeys("2019");
            new Select(b.driver.findElement(By.id("category"))).selectByValue("neglect");
            b.find("label[for='indicator-safe']").click();
            b.find("label[for='risk-medium']").click();
            b.driver.findElement(By.id("childsVoice")).sendKeys("Mummy is at work.");
            b.driver.findElement(By.id("occurred-day")).sendKeys("21");
            b.driver.findElement(By.id("occurred-month")).sendKeys("11");
            b.driver.findElement(By.id("occurred-year")).sendKeys("2026");
            b.driver.findElement(By.id("occurred-time")).sendKeys("23:00");
            b.driver.findElement(By.id("raise")).click();
            String summary = b.find(".govuk-error-summary").getText();
            assertTrue(summary.contains("Check the NHS number") && summary.contains("Date of birth must be a real date")
                    && summary.contains("Enter what happened"), "every error at once, in plain English: " + summary);
            assertTrue(b.find("#nhsNumber-error").isDisplayed());
            assertEquals("Mummy is at work.", b.driver.findElement(By.id("childsVoice")).getAttribute("value"),
                    "what was typed is kept");
            b.accessible("raise a concern with an error").screenshot("console-raise-a-concern-error");

            b.find("#nhsNumber").clear();
            b.find("#nhsNumber").sendKeys(TestNhsNumbers.next());
            b.find("#dobDay").clear();
            b.find("#dobDay").sendKeys("3");
            b.find("#description").sendKeys("Found alone in the flat at 23:00 during a welfare check.");
            b.driver.findElement(By.id("raise")).click();
            assertTrue(b.find(".govuk-notification-banner--success").getText().contains("Your concern is recorded"));
            assertTrue(b.find("#concerns").getText().contains("Found alone in the flat"));
            b.accessible("a child as the agency sees them").screenshot("console-agency-view");
        }
    }

    @Test
    void an_inspector_replays_a_child_as_it_stood_at_a_past_moment_and_downloads_the_export() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/inspection").signIn("inspector.ofsted", PASSWORD);
            assertEquals("Inspection", b.heading());
            b.accessible("inspection");
            b.find("#nhsNumber").sendKeys("943 476 5918");
            b.driver.findElement(By.id("find")).click();
            assertTrue(b.find(".govuk-error-summary").getText().contains("Check the NHS number"), "a mistyped NHS number is named");
            b.find("#nhsNumber").clear();
            b.find("#nhsNumber").sendKeys(nhs);
            b.driver.findElement(By.id("find")).click();
            assertTrue(b.find("#found").getText().contains("Ama Mensah"), b.find("#found").getText());
            b.accessible("inspector finds a child").screenshot("console-inspection-find");
            b.find("#found a").click();
            b.find("#chronology");
            assertTrue(b.find("#chronology").getText().contains("Bruising to both upper arms"), "now: health's concern is there");
            String log = b.find("#access-log").getText();
            assertTrue(log.contains("Chronology") && log.contains("Priya Shah"), "the lead's reads, by her name: " + log);
            long now = Long.parseLong(b.find("#access-total").getText().split(" ")[0]);
            new Select(b.find("#basis")).selectByValue("front-door");
            b.find("#filter-log").click();
            b.wait.until(ExpectedConditions.urlContains("basis=front-door"));
            assertTrue(b.all("#access-log tbody tr").stream().allMatch(r -> r.getText().contains("Front door")),
                    "narrowed to the front door's reads");
            Object csv = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('access-csv').href).then(r => r.text().then(t => done(r.status + ' '
                        + r.headers.get('content-type') + '\\n' + t))).catch(e => done('failed ' + e));""");
            String table = String.valueOf(csv);
            assertTrue(table.startsWith("200 text/csv") && table.contains("when,who,agency,what,purpose,outcome,basis or rule")
                    && table.contains("Priya Shah"), table.substring(0, Math.min(300, table.length())));

            String moment = java.time.LocalDateTime.ofInstant(between, java.time.ZoneId.of("Europe/London")).toString();
            b.open("/inspection/children/" + child);
            b.find("#asOf").sendKeys(moment);
            b.driver.findElement(By.id("replay")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "as it stood on"));
            String replay = b.find("#chronology").getText();
            assertTrue(replay.contains("Officers attended a domestic incident"), replay);
            assertTrue(!replay.contains("Bruising to both upper arms"), "health's concern was recorded after that moment");
            long then = Long.parseLong(b.find("#access-total").getText().split(" ")[0]);
            assertTrue(then < now, "the access log as it stood then holds only the reads made by then: " + then + " < " + now);
            b.accessible("replay as of a moment").screenshot("console-inspection-replay");
            Object pdf = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('pdf').href).then(r => r.arrayBuffer().then(a => done(r.status + ' '
                        + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(a).slice(0, 5))))
                        ).catch(e => done('failed ' + e));""");
            assertTrue(String.valueOf(pdf).startsWith("200 application/pdf %PDF-"), String.valueOf(pdf));

            Object export = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('export').href).then(r => r.text().then(t => done(r.status + ' '
                        + r.headers.get('content-disposition') + '\\n' + t))).catch(e => done('failed ' + e));""");
            String text = String.valueOf(export);
            assertTrue(text.startsWith("200 attachment; filename=\"child-" + child + ".ndjson\""), text.substring(0, Math.min(200, text.length())));
            assertTrue(text.contains("\"eventType\":\"concern-raised\"") || text.contains("concern-raised"), "the export holds the entries");
        }
    }

    @Test
    void a_practitioner_shares_a_concern_and_the_receiving_lead_acknowledges_it_in_the_inbox() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + child + "/concerns").signIn("pc.adeyemi", PASSWORD);
            b.find("#share-link").click();
            assertEquals("Share information about a child", b.heading());
            b.accessible("share form");
            new Select(b.find("#toAgency")).selectByValue("riverside-academy");
            b.find("label[for='concern-1']").click();
            b.find("label[for='consent-not-sought']").click();
            b.find("#consentReason").sendKeys("Seeking consent could place the child at risk.");
            b.find("#send").click();
            String summary = b.find(".govuk-error-summary").getText();
            assertTrue(summary.contains("Select the purpose"), summary);
            assertTrue(b.find("#purpose-error").isDisplayed());
            assertTrue(b.driver.findElement(By.id("concern-1")).isSelected(), "what was chosen is kept");
            b.accessible("share form with an error").screenshot("console-share-error");

            new Select(b.find("#purpose")).selectByValue("safeguarding");
            new Select(b.find("#lawfulBasis")).selectByValue("public-task");
            b.find("#send").click();
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Information shared"));
            b.accessible("shared");
        }
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/inbox").signIn("dsl.riverside-academy", PASSWORD);
            assertEquals("Inbox", b.heading());
            String card = b.find(".govuk-summary-card").getText();
            assertTrue(card.contains("Ama Mensah") && card.contains("from met police")
                    && card.contains("Officers attended a domestic incident"), card);
            b.accessible("inbox").screenshot("console-inbox");
            b.find(".govuk-summary-card form button").click();
            assertTrue(b.find(".govuk-notification-banner--success").getText().contains("Share acknowledged"));
            assertEquals("Nothing waiting.", b.find("#no-shares").getText());
        }
    }

    @Test
    void a_lead_sees_her_agencys_notifications_and_a_new_one_arrives_while_the_page_is_open() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/notifications").signIn("dsl.whittington-health", PASSWORD);
            assertEquals("Notifications", b.heading());
            // The seed's action for the school nurse was notified to her agency.
            b.wait.until(d -> d.findElement(By.id("notifications")).getText().contains("agreed an action for your agency") || refresh(b));
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live-status")));

            String due = java.time.LocalDate.now().plusDays(21).toString();
            given().baseUri(referrals).auth().oauth2(keycloak.userToken("lead.haringey", PASSWORD)).contentType("application/json")
                    .body("""
                            {"description": "Check the bruising has healed at the next clinic", "ownerMemberId": "%s", "dueOn": "%s"}"""
                            .formatted(nurse, due)).post("/teams/" + team + "/actions").then().statusCode(200);
            b.wait.withTimeout(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#notifications li.app-notification--new"), "due on " + due));
            String item = b.find("#notifications li").getText();
            assertTrue(item.contains("Action assigned") && item.contains("The child's chronology"), item);
            assertTrue(!item.contains("bruising"), "the action's words stay behind the link: " + item);
            b.accessible("notifications").screenshot("console-notifications");
            b.find("#notifications li a").click();
            b.wait.until(ExpectedConditions.urlContains("/children/" + child));
        }
    }

    /** Reloads the page (the seed's notification may still be on its way); false, so the wait goes on. */
    static boolean refresh(Browser b) {
        b.driver.navigate().refresh();
        return false;
    }

    @Test
    void a_practitioner_refers_a_child_sees_the_field_refused_then_the_statutory_clock() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + child + "/referrals/new").signIn("pc.adeyemi", PASSWORD);
            assertEquals("Refer a child", b.heading());
            new Select(b.find("#toAgency")).selectByValue("haringey-csc");
            b.find("label[for='concern-1']").click();
            b.find("label[for='urgency-urgent']").click();
            b.find("#familyInformed").sendKeys("Mother told that we are referring to children's social care.");
            b.find("label[for='consent-given']").click();
            b.find("#send").click();
            String summary = b.find(".govuk-error-summary").getText();
            assertTrue(summary.contains("Enter why you are referring"), summary);
            assertTrue(b.find("#reason-error").isDisplayed());
            b.accessible("referral form with an error").screenshot("console-refer-error");

            b.find("#reason").sendKeys("A second domestic incident this month; the child was present both times.");
            b.find("#send").click();
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Referral made"));
            assertTrue(b.find("#what-happens-next").getText().contains("due by"), b.find("#what-happens-next").getText());
            b.accessible("referral made");
            b.find("#next").click();
            assertTrue(b.find("#referrals").getText().contains("met police to haringey csc"), b.find("#referrals").getText());
        }
    }

    @Test
    void a_lead_reads_referrals_with_their_clocks_and_the_team_around_the_child() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + child).signIn("lead.haringey", PASSWORD);
            b.find("#child-links a[href='/referrals?childId=" + child + "']").click();
            assertEquals("Referrals", b.heading());
            String table = b.find("#referrals").getText();
            assertTrue(table.contains("met police to haringey csc") && table.contains("due by"), table);
            b.accessible("referrals").screenshot("console-referrals");

            b.open("/children/" + child + "/team");
            assertEquals("Team Around the Child", b.heading());
            String team = b.find("#team").getText();
            assertTrue(team.contains("Grace Okoro") && team.contains("Abena Mensah"), team);
            assertTrue(team.contains("Arrange a health assessment of the bruising"), team);
            String wellbeing = b.find("#wellbeing").getText();
            assertTrue(wellbeing.contains("Safe") && wellbeing.contains("Significant concern (1 of 5)")
                    && wellbeing.contains("Partly met (3 of 5)") && wellbeing.contains("Improved"), wellbeing);
            assertTrue(wellbeing.contains("Healthy") && wellbeing.contains("Unchanged"), wellbeing);
            String assessment = b.find("#assessment").getText();
            assertTrue(assessment.contains("Team around the child") && assessment.contains("I want to stay at my school.")
                    && assessment.contains("Overcrowded flat (Healthy)"), assessment);
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("document.getElementById('assessment').scrollIntoView()");
            b.screenshot("console-team-assessment");
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("window.scrollTo(0, 0)");
            b.accessible("team around the child").screenshot("console-team");

            // The chronology shows the child's wellbeing over time: the wheel at the latest review, and every review in words.
            b.open("/children/" + child);
            String ratings = b.find("#wellbeing-table").getText();
            assertTrue(ratings.contains("Significant concern (1)") && ratings.contains("Partly met (3)")
                    && ratings.contains("Some concern (2)"), ratings);
            assertTrue(b.find("#wellbeing-wheel").getAttribute("innerHTML").contains("Safe: 3 out of 5"),
                    "the wheel says the latest ratings in words too");
            b.accessible("chronology with the wellbeing wheel");
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("document.getElementById('wellbeing').scrollIntoView()");
            b.screenshot("console-wellbeing-wheel");
        }
    }

    @Test
    void a_lead_reads_the_partnership_s_measures_for_its_area_and_an_inspector_for_any() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/").signIn("lead.haringey", PASSWORD);
            b.find("#navigation a[href='/measures']").click();
            assertEquals("How the partnership is working", b.heading());
            assertTrue(b.find("#area").getText().contains("Haringey"), b.find("#area").getText());
            String teams = b.find("#measures-teams").getText();
            assertTrue(teams.contains("Reviews held on time") && teams.contains("Attended reviews: parents and carers"), teams);
            assertTrue(b.find("#measures-wellbeing").getText().contains("Ratings improved"), b.find("#measures-wellbeing").getText());
            assertTrue(b.find("#measures-referrals").getText().contains("Referrals made"));
            assertTrue(b.find("#csv").getAttribute("href").contains("/measures/export.csv?area=Haringey"));
            String csv = (String) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(document.getElementById('csv').href)"
                            + ".then(r => r.text()).then(done, e => done('failed: ' + e));");
            assertTrue(csv.startsWith("area,from,to,as_of,section,measure"), csv);
            b.accessible("measures");
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("document.getElementById('csv').scrollIntoView()");
            b.screenshot("console-measures");

            b.driver.get(console.baseUrl() + "/measures?from=last-week");
            assertTrue(b.find(".govuk-error-summary").getText().contains("From must be a date"));
            b.accessible("measures with a bad date");
        }
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/measures").signIn("inspector.ofsted", PASSWORD);
            b.find("#area-input").sendKeys("Haringey");
            b.find("#show-measures").click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("measures-referrals")));
            b.accessible("measures for an inspector");
        }
    }

    @Test
    void signing_out_ends_the_session_with_keycloak_too() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/").signIn("lead.haringey", PASSWORD);
            b.find("#sign-out").click();
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "You have signed out"));
            b.accessible("signed out").screenshot("console-signed-out");
            b.open("/");
            b.find("#username");
            assertTrue(b.driver.getCurrentUrl().startsWith(keycloak.origin()), "signed out: Keycloak asks again");
        }
    }

    /** A new child in Haringey (N17) the police raise a concern about at a risk level: her child id, once triage has it. */
    static String policeConcernAbout(String given, String family, String risk) {
        String raised = given().baseUri(concerns).auth().oauth2(keycloak.clientToken("met-police-system", "met-police-local-dev-secret"))
                .contentType("application/json").body("""
                        {"child": {"nhsNumber": "%s", "familyName": "%s", "givenName": "%s", "dateOfBirth": "2016-03-14",
                         "postcode": "N17 6BX"}, "category": "neglect", "wellbeingIndicators": ["safe"], "riskLevel": "%s",
                         "description": "Found alone at home late at night.", "occurredAt": "2026-12-01T22:10:00Z"}"""
                        .formatted(TestNhsNumbers.next(), family, given, risk))
                .post("/concerns").then().statusCode(201).extract().path("childId");
        String lead = keycloak.userToken("lead.haringey", PASSWORD);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(referrals).auth().oauth2(lead)
                .queryParam("childId", raised).get("/triage").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1)));
        return raised;
    }

    /**
     * The front door's lead opens her work, finds the new contact in the triage queue by the child's name, and
     * decides it with the keyboard alone: an empty submit names both missing answers at once, then the decision
     * is recorded and the confirmation says what happens next.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 10)
    void the_front_door_decides_a_contact_from_its_triage_queue_with_the_keyboard_alone() {
        String lena = policeConcernAbout("Lena", "Kowalczyk", "immediate");
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/").signIn("lead.haringey", PASSWORD);
            assertTrue(b.find("#work-triage").getText().contains("immediate risk"), b.find("#work-triage").getText());
            assertTrue(b.find("#work-referrals").getText().contains("Ama Mensah"), "a referral to the agency names the child");
            b.accessible("home: the lead's work").screenshot("console-home");

            // Her contacts, as the triage queue shows them for one child (the queue itself may hold many).
            b.open("/triage?childId=" + lena);
            assertTrue(b.find("#waiting").getText().contains("Lena Kowalczyk"), b.find("#waiting").getText());
            b.tabTo("#waiting a[href^='/triage/']");
            b.type(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Lena Kowalczyk"));
            assertTrue(b.find("#contacts").getText().contains("Found alone at home late at night."));
            b.tabTo("#decide");
            b.type(Keys.ENTER);
            String problems = b.find(".govuk-error-summary").getText();
            assertTrue(problems.contains("Select the decision") && problems.contains("Enter why you decided this"), problems);
            b.accessible("triage decision with errors").screenshot("console-triage-error");
            b.tabTo("#outcome-strategy-discussion");
            b.type(Keys.SPACE);
            b.tabTo("#reason");
            b.type("Child left alone at night at immediate risk; police and health to join a strategy discussion today.");
            b.tabTo("#decide");
            b.type(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBe(By.className("govuk-panel__title"), "Decision recorded"));
            assertTrue(b.find("#what-happens-next").getText().contains("strategy discussion"));
            b.accessible("triage decided").screenshot("console-triage-decided");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 9)
    void without_javascript_the_front_door_still_decides_a_contact() {
        String lucas = policeConcernAbout("Lucas", "Ferreira", "medium");
        try (Browser b = new Browser(console.baseUrl(), false)) {
            b.open("/triage").signIn("lead.haringey", PASSWORD);
            assertEquals("Triage queue", b.heading());
            b.accessible("triage queue").screenshot("console-triage-queue");
            b.narrow("triage queue");
            b.wide();
            b.open("/triage?childId=" + lucas);
            assertTrue(b.find("#waiting").getText().contains("Lucas Ferreira"), b.find("#waiting").getText());
            b.find("#waiting a[href^='/triage/']").click();
            b.find("label[for='outcome-advice-given']").click();
            b.find("#reason").sendKeys("Advice on supervision given to the family by phone.");
            b.find("#decide").click();
            assertEquals("Decision recorded", b.find(".govuk-panel__title").getText());
            given().baseUri(referrals).auth().oauth2(keycloak.userToken("lead.haringey", PASSWORD))
                    .queryParam("childId", lucas).get("/triage").then().statusCode(200)
                    .body("items[0].decision.outcome", equalTo("advice-given"));
        }
    }

    /**
     * A social worker at the front door acts on a referral while its clock runs: acknowledges it, decides it (a
     * missing decision is named), and completes the assessment; each step ends on what happens next.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 8)
    void a_social_worker_acknowledges_decides_and_assesses_a_referral() {
        String noor = policeConcernAbout("Noor", "Haddad", "high");
        String police = keycloak.clientToken("met-police-system", "met-police-local-dev-secret");
        String lead = keycloak.userToken("lead.haringey", PASSWORD);
        String concernId = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(audit).auth().oauth2(lead)
                .queryParam("kind", "concern").get("/children/" + noor + "/chronology").then().statusCode(200)
                .extract().<String>path("entries[0].data.concernId"), java.util.Objects::nonNull);
        String referral = given().baseUri(referrals).auth().oauth2(police).contentType("application/json").body("""
                {"childId": "%s", "toAgency": "haringey-csc", "concernIds": ["%s"],
                 "reason": "Left alone at night twice this month.", "urgency": "urgent",
                 "familyInformed": "Father told of the referral.", "consent": {"status": "given"}}"""
                .formatted(noor, concernId)).post("/referrals").then().statusCode(201).extract().path("referralId");
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/referrals/" + referral).signIn("sw.haringey", PASSWORD);
            assertEquals("Noor Haddad", b.heading());
            assertTrue(b.find("#clocks").getText().contains("Running"), b.find("#clocks").getText());
            b.accessible("a referral to act on").screenshot("console-referral");
            b.find("#acknowledge").click();
            assertEquals("Referral acknowledged", b.find(".govuk-panel__title").getText());
            b.find("#next").click();
            b.find("#decide").click();
            assertTrue(b.find(".govuk-error-summary").getText().contains("Select the decision"));
            b.accessible("a referral decision with an error").screenshot("console-referral-error");
            b.find("label[for='outcome-child-in-need-assessment']").click();
            b.find("#reason").sendKeys("Needs an assessment of supervision at home.");
            b.find("#decide").click();
            assertEquals("Decision recorded: Child in need assessment", b.find(".govuk-panel__title").getText());
            b.find("#next").click();
            b.find("#summary").sendKeys("Father works nights; a childminder is arranged and the school is involved.");
            b.find("#complete-assessment").click();
            assertEquals("Assessment completed", b.find(".govuk-panel__title").getText());
            b.accessible("assessment completed");
            b.find("#next").click();
            assertTrue(b.find("#referral-status").getText().contains("Child in need assessment"));
            b.narrow("a referral");
            b.screenshot("console-referral-375");
            b.wide();
        }
    }

    /**
     * The lead records a review of the team's plan with the keyboard alone: the date in its three boxes, who
     * attended, what was decided and a SHANARRI rating; then agrees an action whose impossible date and missing
     * owner are named together.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 7)
    void the_lead_records_the_team_s_review_with_the_keyboard_alone_and_agrees_an_action() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + child + "/team").signIn("lead.haringey", PASSWORD);
            b.tabTo("#record-review");
            b.type(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Record a review"));
            b.tabTo("#heldOn-day");
            b.type(Integer.toString(today.getDayOfMonth()));
            b.tabTo("#heldOn-month");
            b.type(Integer.toString(today.getMonthValue()));
            b.tabTo("#heldOn-year");
            b.type(Integer.toString(today.getYear()));
            b.tabTo("#attendees-0");
            b.type(Keys.SPACE);
            b.tabTo("#decisions");
            b.type("Keep the health assessment booked");
            b.tabTo("#rating-safe");
            b.type("4");
            b.tabTo("#assessment-stands");
            b.type(Keys.SPACE);
            b.accessible("record a review");
            b.screenshot("console-team-review");
            b.tabTo("#submit");
            b.type(Keys.ENTER);
            b.wait.until(ExpectedConditions.textToBe(By.className("govuk-panel__title"), "Review recorded"));
            b.find("#next").click();
            assertTrue(b.find("#reviews").getText().contains("Keep the health assessment booked"));

            b.find("#agree-action").click();
            b.find("#description").sendKeys("Book a dental check-up");
            b.find("#dueOn-day").sendKeys("31");
            b.find("#dueOn-month").sendKeys("2");
            b.find("#dueOn-year").sendKeys(Integer.toString(today.getYear() + 1));
            b.find("#submit").click();
            String problems = b.find(".govuk-error-summary").getText();
            assertTrue(problems.contains("Select who does it") && problems.contains("The date it is due must be a real date"), problems);
            assertEquals("Book a dental check-up", b.find("#description").getAttribute("value"), "what was typed is kept");
            b.accessible("agree an action with errors").screenshot("console-team-action-error");
            new Select(b.find("#ownerMemberId")).selectByIndex(1);
            b.find("#dueOn-day").clear();
            b.find("#dueOn-day").sendKeys("28");
            b.find("#submit").click();
            assertEquals("Action agreed", b.find(".govuk-panel__title").getText());
            b.find("#next").click();
            assertTrue(b.find("#actions").getText().contains("Book a dental check-up"));
            b.narrow("the team");
            b.screenshot("console-team-375");
            b.wide();
        }
    }

    /** The summary, the chronology and the referrals can be read on a phone: nothing scrolls sideways at 375 px. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 6)
    void at_375_pixels_the_summary_the_chronology_and_the_referrals_fit_the_screen() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + child).signIn("lead.haringey", PASSWORD);
            b.find("#case-summary");
            b.narrow("the case summary and chronology").accessible("chronology at 375 px").screenshot("console-chronology-375");
            b.open("/children/" + child + "?all=true");
            b.find("#chronology");
            b.narrow("every entry");
            b.open("/referrals");
            b.find("#referrals");
            b.narrow("referrals").accessible("referrals at 375 px").screenshot("console-referrals-375");
            b.open("/");
            b.find("#your-work");
            b.narrow("the lead's work").screenshot("console-home-375");
            b.wide();
        }
    }

    /**
     * A practitioner's own work: the concerns they raised with a reference and where each stands; one amended
     * (a missing reason named) and then withdrawn, each ending on what happens next.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 5)
    void a_practitioner_finds_their_own_concern_amends_it_and_withdraws_it() {
        String officer = keycloak.userToken("pc.adeyemi", PASSWORD);
        String concernId = given().baseUri(concerns).auth().oauth2(officer).contentType("application/json").body("""
                {"child": {"nhsNumber": "%s", "familyName": "Osei", "givenName": "Kofi", "dateOfBirth": "2015-07-30",
                 "postcode": "N17 9LP"}, "category": "neglect", "riskLevel": "low",
                 "description": "Seen begging outside the station after dark.", "occurredAt": "2026-12-02T19:40:00Z"}"""
                .formatted(TestNhsNumbers.next())).post("/concerns").then().statusCode(201).extract().path("concernId");
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/concerns").signIn("pc.adeyemi", PASSWORD);
            assertEquals("Your concerns", b.heading());
            String reference = "C-" + concernId.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
            String list = b.find("#concerns").getText();
            assertTrue(list.contains("Kofi Osei") && list.contains(reference) && list.contains("Low risk"), list);
            b.accessible("your concerns").screenshot("console-your-concerns");
            b.find("a[href='/concerns/" + concernId + "']").click();
            assertEquals("Kofi Osei, 11 years old: Neglect", b.heading());
            new Select(b.find("#riskLevel")).selectByValue("high");
            b.find("#amend").click();
            assertTrue(b.find(".govuk-error-summary").getText().contains("Enter why you are changing it"));
            assertEquals("high", new Select(b.find("#riskLevel")).getFirstSelectedOption().getAttribute("value"),
                    "the choice is kept");
            b.accessible("amend a concern with an error").screenshot("console-amend-concern-error");
            b.find("#amendReason").sendKeys("He told officers he had not eaten for two days.");
            b.find("#amend").click();
            assertEquals("Concern changed", b.find(".govuk-panel__title").getText());
            b.find("#next").click();
            assertTrue(b.find("#concern").getText().contains("High"));
            b.find("#withdrawReason").sendKeys("Recorded against the wrong child: he is his cousin.");
            b.find("#withdraw").click();
            assertEquals("Concern withdrawn", b.find(".govuk-panel__title").getText());
            b.open("/concerns");
            assertTrue(b.find("#concerns").getText().contains("Withdrawn"));
        }
    }

    /**
     * Break-glass from the console: a lead of an agency with no relationship is told the child's page is not
     * found, opens the records in an emergency (a justification too short is named), and then reads the whole
     * picture under a warning that says the agencies were told.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 4)
    void a_lead_with_no_relationship_opens_a_child_s_records_in_an_emergency() {
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + child).signIn("dsl.safe-steps", PASSWORD);
            assertEquals("Page not found", b.heading());
            b.find("#break-glass").click();
            assertEquals("Open a child's records in an emergency", b.heading());
            b.find("#justification").sendKeys("Urgent.");
            b.find("#open-records").click();
            assertTrue(b.find(".govuk-error-summary").getText().contains("must be at least 20 characters"),
                    b.find(".govuk-error-summary").getText());
            b.accessible("break-glass with an error").screenshot("console-break-glass-error");
            b.find("#justification").clear();
            b.find("#justification").sendKeys("Mother arrived at the refuge with the child, who has bruising; we need the whole picture tonight.");
            b.find("#open-records").click();
            assertEquals("Ama Mensah", b.heading());
            assertTrue(b.find("#emergency-warning").getText().contains("in an emergency"));
            assertTrue(b.find("#significant").getText().contains("Bruising to both upper arms"));
            b.accessible("chronology under break-glass").screenshot("console-break-glass");
        }
    }

    /**
     * The front door carries a child from a strategy discussion to a child protection plan in the console: an
     * empty strategy discussion names every missing answer at once; then the discussion, the enquiry's outcome
     * and the initial conference, after which the case summary shows the plan.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 3)
    void the_front_door_records_the_pathway_from_strategy_discussion_to_a_plan() {
        String mira = policeConcernAbout("Mira", "Petrova", "high");
        java.time.LocalDate yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(1);
        try (Browser b = new Browser(console.baseUrl())) {
            b.open("/children/" + mira + "/child-protection").signIn("lead.haringey", PASSWORD);
            assertEquals("Child protection", b.heading());
            b.find("#record-strategy").click();
            b.find("#submit").click();
            String problems = b.find(".govuk-error-summary").getText();
            assertTrue(problems.contains("Enter when it was held") && problems.contains("Select the decision")
                    && problems.contains("Enter why"), problems);
            b.accessible("strategy discussion with errors").screenshot("console-strategy-error");
            b.find("#heldAt-day").sendKeys(Integer.toString(yesterday.getDayOfMonth()));
            b.find("#heldAt-month").sendKeys(Integer.toString(yesterday.getMonthValue()));
            b.find("#heldAt-year").sendKeys(Integer.toString(yesterday.getYear()));
            b.find("#heldAt-time").sendKeys("09:30");
            b.find("label[for='agency-met-police']").click();
            b.find("#information-met-police").sendKeys("Two call-outs to the address this month.");
            b.find("label[for='agency-whittington-health']").click();
            b.find("label[for='decision-section-47-enquiry']").click();
            b.find("#reason").sendKeys("Left alone at night repeatedly; reasonable cause to suspect significant harm.");
            b.find("#submit").click();
            assertEquals("Strategy discussion recorded", b.find(".govuk-panel__title").getText());
            b.find("#next").click();
            assertTrue(b.find(".govuk-summary-card").getText().contains("Section 47 enquiry"));
            b.find("#next-step").click();
            b.find("label[for='outcome-substantiated-continuing-risk']").click();
            b.find("#summary").sendKeys("Neglect substantiated; the risk continues.");
            b.find("#submit").click();
            assertEquals("Enquiry outcome recorded", b.find(".govuk-panel__title").getText());
            b.find("#next").click();
            assertTrue(b.find(".govuk-summary-card").getText().contains("Initial conference by"));
            b.find("#next-step").click();
            b.find("#heldAt-day").sendKeys(Integer.toString(yesterday.getDayOfMonth()));
            b.find("#heldAt-month").sendKeys(Integer.toString(yesterday.getMonthValue()));
            b.find("#heldAt-year").sendKeys(Integer.toString(yesterday.getYear()));
            b.find("#heldAt-time").sendKeys("16:00");
            b.find("label[for='agency-met-police']").click();
            b.find("label[for='agency-whittington-health']").click();
            b.find("label[for='parentsAttended-yes']").click();
            b.find("label[for='childAttended-no']").click();
            b.find("label[for='category-neglect']").click();
            b.find("#leadSocialWorker").sendKeys("Kemi Balogun");
            b.accessible("initial conference").screenshot("console-initial-conference");
            b.find("#submit").click();
            assertEquals("Conference recorded", b.find(".govuk-panel__title").getText());
            b.find("#next").click();
            assertTrue(b.find(".govuk-summary-card").getText().contains("First core group by"));
            b.accessible("child protection episode").screenshot("console-child-protection");
            b.open("/children/" + mira);
            assertTrue(b.find("#summary-status").getText().contains("Child protection plan (neglect)"),
                    b.find("#summary-status").getText());
        }
    }
}
