FROM golang:1.21 AS build
WORKDIR /src
COPY . .
RUN ["go", "mod", "download"]
RUN ["go", "build", "-o", "/out/exec", "."]

FROM gcr.io/distroless/static
COPY --from=build /out/exec /exec
ENTRYPOINT ["/exec"]
