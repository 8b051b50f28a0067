# Runtime image of the ui (Vaadin, production bundle inside the jar). Build the jar first: ./langso build.
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 langso
USER langso
COPY ui/target/langso-ui.jar /opt/langso/ui.jar
EXPOSE 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/langso/ui.jar"]
