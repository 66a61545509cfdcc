ARG BUILDER
FROM ${BUILDER} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=gomod,target=/go/pkg/mod go mod download
RUN --mount=type=cache,target=/go/pkg/mod,id=gomod --mount=type=cache,target=/root/.cache/go-build go vet ./...
RUN --mount=type=cache,id=gomod,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .

FROM build AS test
RUN --mount=type=cache,target=/go/pkg/mod,id=gomod --mount=type=cache,target=/root/.cache/go-build go test ./...
USER 1000
RUN go test -race ./...

FROM ${BUILDER} AS other
RUN go build -o /other .
