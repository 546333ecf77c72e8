# Builds the keeper launcher jar and runs it on a plain JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests -pl launcher -am package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/launcher/target/keeper.jar /app/keeper.jar
ENV KEEPER_DATA_DIR=/data
VOLUME /data
ENTRYPOINT ["java", "-jar", "/app/keeper.jar"]
CMD ["run"]
