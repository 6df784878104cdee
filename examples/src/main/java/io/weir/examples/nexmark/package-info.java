/** The {@code nexmark-bids} example: Nexmark-style queries q5 (hot auctions) and q7 (highest bid) over event-time windows. */
package io.weir.examples.nexmark;
