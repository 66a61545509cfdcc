FROM ghcr.io/archlinux/archlinux:base-devel
RUN --mount=type=cache,target=/var/cache/pacman/pkg pacman -Syu --noconfirm go git
WORKDIR /src
COPY . .
RUN go mod tidy
RUN --mount=type=cache,target=/root/.cache/go-build go build -mod=mod -o /app ./cmd/app
