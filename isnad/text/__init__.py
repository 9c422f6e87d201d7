"""The text layer: decoding, offset-preserving normalisation, sentences, tokens and clitics."""
