# Runtime image of the backend. Build the jar first: ./langso build (or ./mvnw -DskipTests package).
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 langso
USER langso
COPY backend/target/langso-backend.jar /opt/langso/backend.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/langso/backend.jar"]
