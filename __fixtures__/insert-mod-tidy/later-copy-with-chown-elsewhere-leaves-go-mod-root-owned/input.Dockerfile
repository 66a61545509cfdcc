FROM golang:1.22
RUN useradd -m -u 1000 app
WORKDIR /src
COPY . .
COPY --chown=app:app config/ /home/app/.config/svc/
USER app
RUN go build -o /home/app/svc ./cmd/app
