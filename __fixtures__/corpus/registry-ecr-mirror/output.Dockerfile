FROM public.ecr.aws/docker/library/golang:1.22-alpine AS build
RUN apk add --no-cache git
WORKDIR /app
COPY go.mod go.sum ./
COPY . ./
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /lambda ./cmd/lambda

FROM public.ecr.aws/lambda/provided:al2023
COPY --from=build /lambda ./bootstrap
ENTRYPOINT [ "./bootstrap" ]
