# One image for every silo: build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ResourceReserver.Host/ResourceReserver.Host.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Storage__Provider=Postgres \
    Clustering__Provider=Redis \
    Clustering__SiloPort=11111 \
    Clustering__GatewayPort=30000
EXPOSE 8080 11111 30000
USER app
# SIGTERM lets the silo leave the cluster gracefully; orchestrators must allow ~30 s before SIGKILL.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "ResourceReserver.Host.dll"]
