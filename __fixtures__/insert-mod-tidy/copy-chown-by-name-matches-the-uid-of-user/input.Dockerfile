FROM golang:1.23
RUN useradd --create-home --uid 1234 appuser
USER 1234
WORKDIR /home/appuser/src
COPY --chown=appuser . .
RUN go build -o /home/appuser/svc .
